using System.Security.Cryptography;
using System.Text.Json;

namespace KernelCI.Kcidb.Spool;

/// <summary>
/// The spool is the source of truth until a batch commits: a body is streamed to `submission-ID.json.temp`, fsync'd,
/// renamed to `.json` (ready), and later moved to `archive/` (processed) or `failed/` (with a `.reasons.json`).
/// </summary>
public sealed class SubmissionSpool
{
    private const string Prefix = "submission-";
    private const int ChunkSize = 1 << 16;

    public SubmissionSpool(string root)
    {
        Root = root;
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(ArchiveDirectory);
        Directory.CreateDirectory(FailedDirectory);
    }

    public string Root { get; }

    public string ArchiveDirectory => Path.Combine(Root, "archive");

    public string FailedDirectory => Path.Combine(Root, "failed");

    public static string NewId() => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32);

    public static bool IsValidId(string? id) => !string.IsNullOrEmpty(id) && id.Length <= 128 && id.All(char.IsAsciiLetterOrDigit);

    /// <summary>Streams a body into the spool; returns its size once it is durably on disk, ready for ingestion.</summary>
    public async Task<long> WriteAsync(string id, Stream body, SubmissionMeta meta, long maxBytes, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(Root, Prefix + id + ".json.temp");
        var checker = new JsonSyntaxChecker();
        long length = 0;
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.Read, ChunkSize, FileOptions.Asynchronous))
            {
                var buffer = new byte[ChunkSize];
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    length += read;
                    if (length > maxBytes)
                    {
                        throw new SubmissionRejectedException(413, $"the submission is larger than the limit of {maxBytes} bytes");
                    }

                    checker.Feed(buffer.AsSpan(0, read));
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                if (!checker.Finish())
                {
                    throw new SubmissionRejectedException(400, checker.Error!);
                }

                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            await WriteMetaAsync(id, meta, cancellationToken);
            File.Move(temp, ReadyPath(id));
            DirectorySync.Flush(Root);
            return length;
        }
        catch
        {
            File.Delete(temp);
            File.Delete(MetaPath(Root, id));
            throw;
        }
    }

    public SubmissionStatus StatusOf(string id)
    {
        if (File.Exists(Path.Combine(Root, Prefix + id + ".json.temp")))
        {
            return SubmissionStatus.InProgress;
        }

        if (File.Exists(ReadyPath(id)))
        {
            return SubmissionStatus.Ready;
        }

        if (File.Exists(Path.Combine(ArchiveDirectory, Prefix + id + ".json")))
        {
            return SubmissionStatus.Processed;
        }

        return File.Exists(Path.Combine(FailedDirectory, Prefix + id + ".json")) ? SubmissionStatus.Failed : SubmissionStatus.NotFound;
    }

    public IReadOnlyList<string> FailureReasons(string id)
    {
        var path = Path.Combine(FailedDirectory, Prefix + id + ".reasons.json");
        return File.Exists(path) ? JsonSerializer.Deserialize<List<string>>(File.ReadAllBytes(path)) ?? [] : [];
    }

    /// <summary>Ready files, oldest submission first, so that later values win when the same object comes twice.</summary>
    public IReadOnlyList<SpooledFile> ListReady()
    {
        var files = new List<SpooledFile>();
        foreach (var path in Directory.EnumerateFiles(Root, Prefix + "*.json"))
        {
            var name = Path.GetFileName(path);
            if (name.EndsWith(".meta.json", StringComparison.Ordinal))
            {
                continue;
            }

            var id = name[Prefix.Length..^".json".Length];
            var meta = ReadMeta(id);
            if (meta is null)
            {
                continue;
            }

            files.Add(new SpooledFile(id, path, meta, new FileInfo(path).Length));
        }

        return [.. files.OrderBy(f => f.Meta.ReceivedTicks).ThenBy(f => f.Id, StringComparer.Ordinal)];
    }

    public int CountReady() => Directory.EnumerateFiles(Root, Prefix + "*.json").Count(p => !p.EndsWith(".meta.json", StringComparison.Ordinal));

    public void MarkProcessed(SpooledFile file) => MoveTo(file.Id, ArchiveDirectory);

    public void MarkFailed(SpooledFile file, IReadOnlyList<string> reasons)
    {
        var reasonsPath = Path.Combine(FailedDirectory, Prefix + file.Id + ".reasons.json");
        File.WriteAllBytes(reasonsPath, JsonSerializer.SerializeToUtf8Bytes(reasons));
        MoveTo(file.Id, FailedDirectory);
    }

    /// <summary>
    /// Removes what uploads interrupted by a crash left behind: `.json.temp` bodies and `.meta.json` files without their
    /// body. Only files last written before <paramref name="startedUtc"/> (this process's start) that no process holds
    /// open: an upload in flight, here or in a replica sharing the spool, keeps its temp file open and locked.
    /// </summary>
    public int RemoveAbandoned(DateTime startedUtc)
    {
        var removed = 0;
        foreach (var temp in Directory.EnumerateFiles(Root, Prefix + "*.json.temp"))
        {
            if (File.GetLastWriteTimeUtc(temp) < startedUtc && TryDeleteUnlocked(temp))
            {
                removed++;
            }
        }

        foreach (var meta in Directory.EnumerateFiles(Root, Prefix + "*.meta.json"))
        {
            var id = Path.GetFileName(meta)[Prefix.Length..^".meta.json".Length];
            // The temp file is checked first: it becomes the ready one by an atomic rename, so one of them is always seen.
            if (File.GetLastWriteTimeUtc(meta) < startedUtc && !File.Exists(Path.Combine(Root, Prefix + id + ".json.temp"))
                && !File.Exists(ReadyPath(id)) && TryDeleteUnlocked(meta))
            {
                removed++;
            }
        }

        return removed;
    }

    private static bool TryDeleteUnlocked(string path)
    {
        try
        {
            // .NET takes an advisory lock on every file it opens (exclusive for FileShare.None), so this fails while an
            // upload still writes the file.
            using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
            }

            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    // The body moves first: a crash between the two moves then leaves a meta file without its body, removed at the next
    // start, never a body without its meta, which would be read as an admin's file dropped by hand.
    private void MoveTo(string id, string directory)
    {
        File.Move(ReadyPath(id), Path.Combine(directory, Prefix + id + ".json"), overwrite: true);
        try
        {
            File.Move(MetaPath(Root, id), MetaPath(directory, id), overwrite: true);
        }
        catch (FileNotFoundException)
        {
        }
    }

    private string ReadyPath(string id) => Path.Combine(Root, Prefix + id + ".json");

    private static string MetaPath(string directory, string id) => Path.Combine(directory, Prefix + id + ".meta.json");

    private SubmissionMeta? ReadMeta(string id)
    {
        try
        {
            return JsonSerializer.Deserialize<SubmissionMeta>(File.ReadAllBytes(MetaPath(Root, id)));
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            // A body dropped into the spool by hand (as upstream allows) has no meta: it is trusted as an admin's.
            return File.Exists(ReadyPath(id)) ? new SubmissionMeta("_", Admin: true, File.GetLastWriteTimeUtc(ReadyPath(id)).Ticks) : null;
        }
    }

    private async Task WriteMetaAsync(string id, SubmissionMeta meta, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(MetaPath(Root, id), FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
        await JsonSerializer.SerializeAsync(file, meta, cancellationToken: cancellationToken);
        await file.FlushAsync(cancellationToken);
        file.Flush(flushToDisk: true);
    }
}
