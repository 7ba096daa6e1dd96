using KernelCI.ServiceDefaults;
using System.IO.Pipelines;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Win32.SafeHandles;

namespace KernelCI.Storage.Backends;

/// <summary>Objects as files under DIR/storage/files. A write goes to DIR/storage/tmp and is renamed into place,
/// so a reader holds the old inode or the new one; leftovers of a crash are removed at start.</summary>
internal sealed class LocalBackend : IStorageBackend
{
    internal const int ReadChunk = 1024 * 1024;

    // Open descriptors kept for hot objects: well under the descriptor limit .NET raises the process to at start.
    internal const int OpenFiles = 4096;

    private readonly string _files;
    private readonly string _temp;
    private readonly string _types;
    private readonly OpenFileCache _open;
    private readonly int _singleWriteBytes;

    // A data folder belongs to one process (see docs/storage.md), so this stays true to the disk; most folders never
    // get a sidecar, and then a download skips hashing its key and looking for one.
    private volatile bool _hasTypes;

    /// <param name="singleWriteBytes">Downloads of at most this many bytes are not flushed here (see
    /// <see cref="StorageTransportOptions.SingleWriteBytes"/>); objects that small are also kept in memory with their
    /// open handle, up to <paramref name="contentCacheBytes"/> in all (see <see cref="StorageOptions.ContentCacheBytes"/>).</param>
    /// <param name="contentCacheBytes">0 keeps no bytes: every download reads its file.</param>
    public LocalBackend(string root, TimeProvider? time = null, int singleWriteBytes = 0, long contentCacheBytes = 0)
    {
        _singleWriteBytes = singleWriteBytes;
        _open = new OpenFileCache(time ?? TimeProvider.System, OpenFiles, contentCacheBytes);
        _files = DataFolder.Create(Path.Combine(root, "files"));
        _temp = Path.Combine(root, "tmp");
        _types = DataFolder.Create(Path.Combine(root, "content-types"));
        _hasTypes = Directory.EnumerateFileSystemEntries(_types).Any();
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }

        DataFolder.Create(_temp);
    }

    public string FilesRoot => _files;

    internal OpenFileCache Cache => _open;

    public Task<StoredObject?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (_open.Find(key) is { } open)
        {
            return Task.FromResult<StoredObject?>(open.Stored);
        }

        var generation = _open.Generation;
        var info = new FileInfo(PathOf(key));
        if (!info.Exists)
        {
            _open.Renew(key, null, generation);
            return Task.FromResult<StoredObject?>(null);
        }

        var modified = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
        var stored = new StoredObject(key, info.Length, ETagOf(info.Length, modified), modified, ContentTypeOf(key), info.FullName);
        // The entry's own object when it is still this version, so the download that follows finds the entry.
        return Task.FromResult<StoredObject?>(_open.Renew(key, stored, generation)?.Stored ?? stored);
    }

    public async Task CopyToAsync(StoredObject stored, long offset, long length, HttpResponse response, CancellationToken cancellationToken)
    {
        var open = Acquire(stored);
        try
        {
            // Headers go into the output pipe first: body memory asked for before the response starts is a side
            // buffer that Kestrel copies behind the headers once they are written.
            await response.StartAsync(cancellationToken);
            var destination = response.BodyWriter;
            if (open.Content is { } content)
            {
                // Only objects of at most _singleWriteBytes are held, so this too is left for the response's end.
                var span = destination.GetSpan((int)length);
                content.AsSpan((int)offset, (int)length).CopyTo(span);
                destination.Advance((int)length);
                return;
            }

            if (length <= _singleWriteBytes)
            {
                CopySmall(open.Handle, stored, offset, (int)length, destination);
                return;
            }

            await CopyAsync(open.Handle, stored, offset, length, destination, cancellationToken);
        }
        finally
        {
            open.Release();
        }
    }

    // Left unflushed: the response's end sends it together with the headers, in one write, and the handler
    // returns without awaiting a flush. Only for a body that fits one buffer: see docs/benchmarks.md.
    private static void CopySmall(SafeFileHandle file, StoredObject stored, long offset, int length, PipeWriter destination)
    {
        var span = destination.GetSpan(length)[..length];
        var filled = 0;
        while (filled < length)
        {
            var read = RandomAccess.Read(file, span[filled..], offset + filled);
            if (read == 0)
            {
                throw new ObjectChangedException(stored.Key);
            }

            filled += read;
        }

        destination.Advance(length);
    }

    private static async Task CopyAsync(SafeFileHandle file, StoredObject stored, long offset, long length, PipeWriter destination, CancellationToken cancellationToken)
    {
        while (length > 0)
        {
            // Straight into the response's own buffers: one copy, no intermediate array.
            var memory = destination.GetMemory((int)Math.Min(ReadChunk, length));
            // A page-cache read takes microseconds. .NET's async file reads on Linux are the same blocking read on
            // another pool thread, so reading inline costs no more and saves a thread hop per chunk.
            var read = RandomAccess.Read(file, memory.Span[..(int)Math.Min(memory.Length, length)], offset);
            if (read == 0)
            {
                throw new ObjectChangedException(stored.Key);
            }

            destination.Advance(read);
            offset += read;
            length -= read;
            var flushed = await destination.FlushAsync(cancellationToken);
            if (flushed.IsCompleted || flushed.IsCanceled)
            {
                return;
            }
        }
    }

    public async Task<long> PutAsync(string key, IUploadBody content, string contentType, CancellationToken cancellationToken)
    {
        var final = PathOf(key);
        var temp = Path.Combine(_temp, Guid.NewGuid().ToString("N"));
        try
        {
            long size;
            using (var file = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                size = await UploadCopy.ToFileAsync(content, file, cancellationToken);
                RandomAccess.FlushToDisk(file);
            }

            PrepareFolder(key, final);
            WriteContentType(key, contentType);
            File.Move(temp, final, overwrite: true);
            _open.Invalidate(key);
            return size;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public Task<ListPage> ListAsync(string prefix, bool directories, string? marker, int limit, CancellationToken cancellationToken) =>
        Task.FromResult(LocalListing.List(_files, prefix, directories, marker, limit));

    internal static string ETagOf(long length, DateTimeOffset modified) =>
        $"\"{modified.UtcTicks:x}-{length:x}\"";

    // The cached handle of exactly this version, or a new one, checked against it and offered to the cache.
    private OpenFile Acquire(StoredObject stored)
    {
        if (_open.Find(stored.Key) is { } cached && ReferenceEquals(cached.Stored, stored) && cached.TryAcquire())
        {
            return cached;
        }

        var generation = _open.Generation;
        var handle = OpenChecked(stored);
        var opened = new OpenFile(handle, stored, _open.ExpiresFromNow(), ReadWhole(handle, stored));
        if (!opened.TryAcquire())
        {
            _open.Unreserve(opened.Content?.Length ?? 0);
            throw new ObjectDisposedException(stored.Key);
        }

        _open.Offer(stored.Key, opened, generation);
        return opened;
    }

    // The bytes of a small object, for its cache entry; null when it is larger or the cache's budget is spent. All of
    // them or none: a short read means the file is not the version checked, and the download fails as before.
    private byte[]? ReadWhole(SafeFileHandle handle, StoredObject stored)
    {
        if (stored.Length > _singleWriteBytes || stored.Length == 0 || !_open.TryReserve((int)stored.Length))
        {
            return null;
        }

        // Pinned: the pinned heap is not compacted, so bytes held for as long as their object stays hot are never
        // copied by the collections that run meanwhile, as they would be when promoted out of the youngest generation.
        var content = GC.AllocateUninitializedArray<byte>((int)stored.Length, pinned: true);
        var filled = 0;
        try
        {
            while (filled < content.Length)
            {
                var read = RandomAccess.Read(handle, content.AsSpan(filled), filled);
                if (read == 0)
                {
                    throw new ObjectChangedException(stored.Key);
                }

                filled += read;
            }
        }
        catch
        {
            _open.Unreserve(content.Length);
            handle.Dispose();
            throw;
        }

        return content;
    }

    private SafeFileHandle OpenChecked(StoredObject stored)
    {
        var file = File.OpenHandle(PathOf(stored.Key), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = RandomAccess.GetLength(file);
        var modified = new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero);
        if (length != stored.Length || ETagOf(length, modified) != stored.ETag)
        {
            file.Dispose();
            throw new ObjectChangedException(stored.Key);
        }

        return file;
    }

    private void PrepareFolder(string key, string final)
    {
        if (Directory.Exists(final))
        {
            throw new KeyConflictException($"{key} is a folder of other stored files");
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        }
        catch (IOException)
        {
            throw new KeyConflictException($"a parent of {key} is a stored file");
        }
    }

    private string ContentTypeOf(string key)
    {
        if (!_hasTypes)
        {
            return ContentTypes.FromName(key);
        }

        var sidecar = TypePath(key);
        return File.Exists(sidecar) ? File.ReadAllText(sidecar) : ContentTypes.FromName(key);
    }

    // Only types that differ from the extension's are kept, so most uploads write one file.
    private void WriteContentType(string key, string contentType)
    {
        if (contentType == ContentTypes.FromName(key))
        {
            if (!_hasTypes)
            {
                return;
            }

            File.Delete(TypePath(key));
            return;
        }

        _hasTypes = true;
        var sidecar = TypePath(key);
        var temp = Path.Combine(_temp, Guid.NewGuid().ToString("N"));
        File.WriteAllText(temp, contentType);
        File.Move(temp, sidecar, overwrite: true);
    }

    private string TypePath(string key) =>
        Path.Combine(_types, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))));

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_files, key));
        return path.StartsWith(_files + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException("key escapes the storage folder", nameof(key));
    }
}
