namespace KernelCI.Pipeline.Runtimes.Lava.Definition;

internal sealed record LavaDocker(string Image, string? Binary = null);
