namespace KernelCI.Storage.Backends;

/// <summary>An object, or with <see cref="IsDirectory"/> a common prefix ending in '/'.</summary>
internal sealed record ListedItem(string Name, bool IsDirectory, long Length, DateTimeOffset LastModified);
