using Microsoft.AspNetCore.Http;

namespace KernelCI.Storage.Backends;

/// <summary>Where objects live. Writes are atomic: readers see the old object or the new one, never part of one.</summary>
internal interface IStorageBackend
{
    Task<StoredObject?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Streams bytes [offset, offset+length) of the object version <paramref name="stored"/> describes to the
    /// body of <paramref name="response"/>, whose headers are set. Throws <see cref="ObjectChangedException"/> before
    /// the response starts if that version is gone.</summary>
    Task CopyToAsync(StoredObject stored, long offset, long length, HttpResponse response, CancellationToken cancellationToken);

    /// <summary>Stores the whole of <paramref name="content"/> under <paramref name="key"/>, replacing any old version at once.</summary>
    Task<long> PutAsync(string key, IUploadBody content, string contentType, CancellationToken cancellationToken);

    /// <summary>Names under <paramref name="prefix"/> in ordinal order after <paramref name="marker"/>; with
    /// <paramref name="directories"/>, one level only, deeper names folded into "sub/" entries.</summary>
    Task<ListPage> ListAsync(string prefix, bool directories, string? marker, int limit, CancellationToken cancellationToken);
}
