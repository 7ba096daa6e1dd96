namespace KernelCI.Pipeline.Runtimes.Lava.Definition;

/// <summary>The job's `timeouts` block: the default per action, per-action overrides, the job and the queue.</summary>
internal sealed record LavaTimeouts(LavaTimeout Action, LavaTimeout Job, LavaTimeout Queue,
    IReadOnlyDictionary<string, LavaTimeout>? Actions = null);
