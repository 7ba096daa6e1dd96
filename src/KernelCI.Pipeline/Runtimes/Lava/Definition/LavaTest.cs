namespace KernelCI.Pipeline.Runtimes.Lava.Definition;

/// <summary>A test action: its definitions run in one shell on the DUT, each as one LAVA suite.</summary>
internal sealed record LavaTest(LavaTimeout Timeout, IReadOnlyList<LavaTestDefinition> Definitions)
{
    public string? Name { get; init; }
}
