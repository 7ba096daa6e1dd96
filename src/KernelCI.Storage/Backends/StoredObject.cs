using Microsoft.Net.Http.Headers;

namespace KernelCI.Storage.Backends;

/// <summary>One version of an object. <paramref name="PhysicalPath"/> is set by the local backend so downloads can use sendfile.</summary>
internal sealed record StoredObject(string Key, long Length, string ETag, DateTimeOffset LastModified, string ContentType, string? PhysicalPath = null)
{
    /// <summary>Last-Modified as sent, formatted once per version: the local backend serves a cached version many times.</summary>
    public string LastModifiedHeader => field ??= HeaderUtilities.FormatDate(HttpDate.Seconds(LastModified));

    public string Disposition => field ??= ContentDisposition.For(Key);
}
