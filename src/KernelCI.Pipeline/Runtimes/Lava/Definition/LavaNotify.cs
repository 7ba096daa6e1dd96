namespace KernelCI.Pipeline.Runtimes.Lava.Definition;

internal sealed record LavaNotify(LavaCallback Callback, LavaCriteria Criteria);
