using System.CommandLine;

namespace KernelCI.KciDev.Issues;

/// <summary>`--kcidb-rest-url` and `--kcidb-token`, as `submit build` has them.</summary>
internal sealed class KcidbFlags
{
    public Option<string?> Url { get; } = new("--kcidb-rest-url") { Description = "KCIDB REST submit URL (overrides KCIDB_REST and the config file)" };

    public Option<string?> Token { get; } = new("--kcidb-token") { Description = "KCIDB token (overrides KCIDB_REST and the config file)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(Token);
    }
}
