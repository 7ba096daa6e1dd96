namespace KernelCI.Client.Bisection;

/// <summary>A step runner could not get a result this time (upstream's "Maestro internal error", rc 3): the engine runs
/// the step again after a back-off.</summary>
public sealed class BisectStepException(string message, Exception? inner = null) : Exception(message, inner);
