using System.Buffers;
using System.Text;
using KernelCI.Pipeline.Git;

namespace KernelCI.Pipeline.Services.Tarball.Archive;

/// <summary>Reads blobs with one `git cat-file --batch`: small ones the headers need (link targets, .gitattributes)
/// are returned; the files not in the cache yet are compressed into pieces in batches on every core and appended to
/// the cache in order.</summary>
internal sealed class BlobLoader(GitRunner git)
{
    private const long BatchBytes = 4 << 20;

    public async Task<Dictionary<string, byte[]>> LoadAsync(string repository, IReadOnlyList<string> read, IReadOnlyList<string> compress,
        PieceCache cache, CancellationToken cancellationToken)
    {
        var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (read.Count == 0 && compress.Count == 0)
        {
            return contents;
        }

        await git.StreamWithInputAsync(repository, ["cat-file", "--batch"], async (stdin, ct) =>
        {
            await using var writer = new StreamWriter(stdin, new UTF8Encoding(false), 1 << 16);
            foreach (var objectId in read.Concat(compress))
            {
                await writer.WriteAsync(objectId + "\n");
            }
        }, async (stdout, ct) =>
        {
            var reader = new CatFileReader(stdout);
            foreach (var objectId in read)
            {
                var size = await NextAsync(reader, objectId, ct);
                var content = new byte[size];
                await reader.ReadContentAsync(content, ct);
                contents[objectId] = content;
            }

            await CompressAsync(reader, compress, cache, ct);
        }, cancellationToken);
        return contents;
    }

    private static async Task CompressAsync(CatFileReader reader, IReadOnlyList<string> compress, PieceCache cache, CancellationToken cancellationToken)
    {
        var inFlight = new Queue<Task<CompressedBatch>>();
        var batch = new PieceBatch();
        foreach (var objectId in compress)
        {
            var size = await NextAsync(reader, objectId, cancellationToken);
            var content = ArrayPool<byte>.Shared.Rent(Math.Max(1, size));
            await reader.ReadContentAsync(content.AsMemory(0, size), cancellationToken);
            batch.Add(objectId, content, size);
            if (batch.Bytes >= BatchBytes)
            {
                await DispatchAsync(inFlight, batch, cache);
                batch = new PieceBatch();
            }
        }

        if (batch.Count > 0)
        {
            await DispatchAsync(inFlight, batch, cache);
        }

        while (inFlight.Count > 0)
        {
            Append(cache, await inFlight.Dequeue());
        }

        cache.Commit();
    }

    private static async Task DispatchAsync(Queue<Task<CompressedBatch>> inFlight, PieceBatch batch, PieceCache cache)
    {
        // One batch more than there are cores keeps every core busy while the oldest is appended.
        if (inFlight.Count > Environment.ProcessorCount)
        {
            Append(cache, await inFlight.Dequeue());
        }

        inFlight.Enqueue(Task.Run(batch.Compress));
    }

    private static void Append(PieceCache cache, CompressedBatch compressed) => cache.Append(compressed.Data.Span, compressed.Pieces);

    private static async Task<int> NextAsync(CatFileReader reader, string objectId, CancellationToken cancellationToken)
    {
        var next = await reader.NextAsync(cancellationToken) ?? throw new UnsupportedArchiveException($"git cat-file ended before {objectId}");
        if (next.ObjectId != objectId)
        {
            throw new UnsupportedArchiveException($"git cat-file answered {next.ObjectId} for {objectId}");
        }

        return next.Size <= Array.MaxLength ? (int)next.Size : throw new UnsupportedArchiveException($"{objectId} is larger than 2 GiB");
    }
}
