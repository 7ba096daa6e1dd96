using System.Collections.Concurrent;
using System.Text;
using KernelCI.Pipeline.Git;

namespace KernelCI.Pipeline.Services.Tarball.Archive;

/// <summary>`git archive --format=tar --prefix=NAME/ COMMIT | gzip`, made from the tree's listing and a cache of each
/// file's compressed content: a commit only reads and compresses the files whose blobs the cache lacks, and the tar
/// records around them (the only part that changes with NAME) are compressed here. The .tar it unpacks to is byte for
/// byte the one `git archive` writes.</summary>
internal sealed class IncrementalArchive(GitRunner git)
{
    // A tree's cache is dropped once it holds this many times what the latest commit uses.
    private const int MaxBloat = 3;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>Builds the archive of <paramref name="commit"/> and hands it to <paramref name="consume"/> (which may
    /// read it more than once) while the tree's cache is held.</summary>
    public async Task<ArchivePlan> WriteAsync(string repository, string cacheDirectory, string commit, string name,
        Func<ArchivePlan, Task> consume, CancellationToken cancellationToken) =>
        await WriteAsync(repository, cacheDirectory, await CommitListing.ReadAsync(git, repository, commit, cancellationToken), name,
            consume, cancellationToken);

    /// <summary>The same for a listing already read, e.g. a patched tree's (<see cref="CommitListing.ReadTreeAsync"/>).</summary>
    public async Task<ArchivePlan> WriteAsync(string repository, string cacheDirectory, CommitListing listing, string name,
        Func<ArchivePlan, Task> consume, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(cacheDirectory, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            using var cache = PieceCache.TryOpen(cacheDirectory)
                ?? throw new UnsupportedArchiveException($"{cacheDirectory} is in use by another process");
            var plan = await BuildAsync(repository, listing, name + "/", cache, cancellationToken);
            await consume(plan);
            if (cache.DataLength > MaxBloat * Math.Max(plan.Length, 1 << 20))
            {
                cache.Clear();
            }

            return plan;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<ArchivePlan> BuildAsync(string repository, CommitListing listing, string prefix, PieceCache cache,
        CancellationToken cancellationToken)
    {
        var read = new List<string>();
        var compress = new List<string>();
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        var reused = 0;
        foreach (var entry in listing.Entries)
        {
            if (entry.Path.Contains('\uFFFD'))
            {
                throw new UnsupportedArchiveException($"the path of {entry.ObjectId} is not UTF-8");
            }

            if (entry.IsSymbolicLink || (entry.IsRegularFile && IsAttributes(entry.Path)))
            {
                read.Add(entry.ObjectId);
            }

            if (entry.IsRegularFile && wanted.Add(entry.ObjectId))
            {
                if (cache.TryGet(entry.ObjectId, out _))
                {
                    reused++;
                }
                else
                {
                    compress.Add(entry.ObjectId);
                }
            }
        }

        var contents = await new BlobLoader(git).LoadAsync(repository, read.Distinct().ToList(), compress, cache, cancellationToken);
        foreach (var entry in listing.Entries.Where(e => e.IsRegularFile && IsAttributes(e.Path)))
        {
            // git archive applies export-ignore and export-subst; those commits take git archive itself.
            if (Encoding.UTF8.GetString(contents[entry.ObjectId]).Contains("export-", StringComparison.Ordinal))
            {
                throw new UnsupportedArchiveException($"{entry.Path} sets export attributes");
            }
        }

        var assembler = new ArchiveAssembler();
        if (listing.Commit is not null)
        {
            assembler.Records(TarHeaders.GlobalHeader(listing.Commit, listing.Time), true, false);
        }

        Add(assembler, TarHeaders.PrefixDirectory(prefix, listing.RootTree, listing.Time));
        foreach (var entry in listing.Entries)
        {
            if (!entry.IsRegularFile)
            {
                Add(assembler, TarHeaders.Entry(entry, prefix, listing.Time, 0, entry.IsSymbolicLink ? contents[entry.ObjectId] : null));
                continue;
            }

            var piece = cache.TryGet(entry.ObjectId, out var cached) ? cached
                : throw new UnsupportedArchiveException($"{entry.ObjectId} is missing from the cache after loading");
            Add(assembler, TarHeaders.Entry(entry, prefix, listing.Time, piece.Size, null));
            if (piece.Size > 0)
            {
                assembler.Piece(piece);
            }
        }

        var trailer = TarHeaders.TrailerLength(assembler.Written);
        assembler.Records(new byte[trailer], new bool[trailer / TarHeaders.Record]);
        var (own, segments) = assembler.Finish();
        return new ArchivePlan(own, segments, cache.Data) { Reused = reused, Compressed = compress.Count };
    }

    // The records of one entry: an optional pax header and its data, then the ustar header.
    private static void Add(ArchiveAssembler assembler, byte[] records)
    {
        var count = records.Length / TarHeaders.Record;
        var headers = new bool[count];
        headers[0] = true;
        headers[^1] = true;
        assembler.Records(records, headers);
    }

    private static bool IsAttributes(string path) => path == ".gitattributes" || path.EndsWith("/.gitattributes", StringComparison.Ordinal);
}
