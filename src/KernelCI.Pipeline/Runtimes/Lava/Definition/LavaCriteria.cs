namespace KernelCI.Pipeline.Runtimes.Lava.Definition;

internal sealed record LavaCriteria(string Status);
