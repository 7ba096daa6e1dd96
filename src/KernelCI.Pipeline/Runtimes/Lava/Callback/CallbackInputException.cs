namespace KernelCI.Pipeline.Runtimes.Lava.Callback;

/// <summary>A callback body that cannot be turned into results; the message names the field at fault
/// (`results.0_smoke: not valid YAML …`), and the callback endpoint answers it with a 400.</summary>
internal sealed class CallbackInputException(string message) : Exception(message);
