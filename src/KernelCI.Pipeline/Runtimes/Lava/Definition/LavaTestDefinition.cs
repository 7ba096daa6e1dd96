using YamlDotNet.Serialization;

namespace KernelCI.Pipeline.Runtimes.Lava.Definition;

/// <summary>One test definition: `from: inline` with the <see cref="Repository"/> written in place
/// (<see cref="LavaInlineRepository"/>), or `from: git` with a repository URL, revision, path and parameters.</summary>
internal sealed record LavaTestDefinition(string From, string Name, string Path, object Repository)
{
    public string? Revision { get; init; }

    [YamlMember(Alias = "lava-signal", ApplyNamingConventions = false)]
    public string? LavaSignal { get; init; }

    public IReadOnlyDictionary<string, object>? Parameters { get; init; }
}
