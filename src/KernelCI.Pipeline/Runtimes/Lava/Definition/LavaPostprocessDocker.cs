namespace KernelCI.Pipeline.Runtimes.Lava.Definition;

internal sealed record LavaPostprocessDocker(string Image, IReadOnlyList<string> Steps);
