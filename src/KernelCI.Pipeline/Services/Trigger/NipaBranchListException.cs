namespace KernelCI.Pipeline.Services.Trigger;

/// <summary>A NIPA branch list that cannot be used: unreachable, not JSON, or with no usable entry. The trigger logs it
/// and skips that build_config; the other trees are still polled.</summary>
internal sealed class NipaBranchListException(string message, Exception? inner = null) : Exception(message, inner);
