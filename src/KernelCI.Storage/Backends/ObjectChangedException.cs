namespace KernelCI.Storage.Backends;

/// <summary>The object was replaced between reading its properties and its bytes.</summary>
internal sealed class ObjectChangedException(string key) : IOException($"{key} changed while it was being read");
