namespace KernelCI.Storage.Backends;

/// <summary>The key cannot be stored because a stored name is a prefix folder of it, or the other way round.</summary>
internal sealed class KeyConflictException(string message) : IOException(message);
