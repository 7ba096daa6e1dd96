namespace KernelCI.Pipeline;

/// <summary>A path built from input would leave its root (<see cref="SafePaths"/>). The message names the path, so it
/// is for logs, never for a node or an API reply.</summary>
public sealed class UnsafePathException(string message) : Exception(message);
