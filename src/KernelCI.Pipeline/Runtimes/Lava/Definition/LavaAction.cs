namespace KernelCI.Pipeline.Runtimes.Lava.Definition;

/// <summary>One entry of `actions`: exactly one of deploy, boot or test is set.</summary>
internal sealed record LavaAction(LavaDeploy? Deploy = null, LavaBoot? Boot = null, LavaTest? Test = null);
