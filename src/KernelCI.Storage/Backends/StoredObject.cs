namespace KernelCI.Storage.Backends;

/// <summary>One version of an object. <paramref name="PhysicalPath"/> is set by the local backend so downloads can use sendfile.</summary>
internal sealed record StoredObject(string Key, long Length, string ETag, DateTimeOffset LastModified, string ContentType, string? PhysicalPath = null);
