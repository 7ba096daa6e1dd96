namespace KernelCI.Storage;

/// <summary>A reply status and its plain-text message, as kernelci-storage's clients print it.</summary>
internal readonly record struct StorageError(int Status, string Message);
