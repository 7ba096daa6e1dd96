namespace KernelCI.Pipeline.Runtimes.Lava.Definition;

internal sealed record LavaRun(IReadOnlyList<string> Steps);
