using System.Diagnostics;
using System.Formats.Tar;

namespace KernelCI.Storage.Files;

/// <summary>Unpacks an archive into the spool, enforcing upstream's limits and refusing the whole archive for any
/// link, device or other special entry and any path that is absolute or climbs with "..".</summary>
internal sealed class ArchiveUnpacker(StorageOptions options, UploadSpool spool)
{
    /// <summary>Largest PAX or GNU long-name entry: TarReader holds one whole in memory. Real ones are a few hundred bytes.</summary>
    internal const int MaxMetadataBytes = 1024 * 1024;

    public async Task<IReadOnlyList<ArchiveEntry>> UnpackAsync(string archivePath, string fileName, CancellationToken cancellationToken)
    {
        var kind = ArchiveFormat.Kind(fileName) ?? throw new UploadRejectedException(400,
            "Unsupported archive type: use .tar, .tar.gz/.tgz, .tar.xz/.txz or .tar.zst/.tzst");
        var entries = new Dictionary<string, ArchiveEntry>(StringComparer.Ordinal);
        long total = 0;
        var count = 0;
        var skipped = 0;
        Process? decoder = null;
        try
        {
            await using (var stream = ArchiveFormat.Open(archivePath, kind, out decoder))
            await using (var reader = new TarReader(new TarMetadataGuard(stream, MaxMetadataBytes)))
            {
                while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
                {
                    if (entry.EntryType is TarEntryType.Directory or TarEntryType.GlobalExtendedAttributes)
                    {
                        // Each costs only time, but an archive of nothing else would be read to its end for nothing.
                        if (++skipped > options.MaxArchiveFiles)
                        {
                            throw new UploadRejectedException(400, $"Archive rejected: more than {options.MaxArchiveFiles} folders and global headers");
                        }

                        continue;
                    }

                    var name = Check(entry, ++count, total += entry.Length);
                    var target = spool.NewPath();
                    await using (var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1024 * 1024))
                    {
                        if (entry.DataStream is not null)
                        {
                            await entry.DataStream.CopyToAsync(file, cancellationToken);
                        }

                        if (file.Length != entry.Length)
                        {
                            throw new UploadRejectedException(400, $"Corrupt archive: {EntryNames.Quote(name)} is shorter than its header says");
                        }
                    }

                    if (entries.Remove(name, out var earlier))
                    {
                        File.Delete(earlier.SpoolPath);
                    }

                    entries[name] = new ArchiveEntry(name, target, entry.Length);
                }
            }

            if (decoder is not null)
            {
                await decoder.WaitForExitAsync(cancellationToken);
                if (decoder.ExitCode != 0)
                {
                    throw new UploadRejectedException(400, $"Corrupt archive: the .{kind} stream could not be decoded");
                }
            }

            if (entries.Count == 0)
            {
                throw new UploadRejectedException(400, "Empty archive: no regular files");
            }

            RejectFileAndFolderClash(entries.Keys);
            return [.. entries.Values];
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or ArgumentException)
        {
            spool.Delete(entries.Values.Select(v => v.SpoolPath));
            throw new UploadRejectedException(400, "Corrupt archive: " + e.Message);
        }
        catch
        {
            spool.Delete(entries.Values.Select(v => v.SpoolPath));
            throw;
        }
        finally
        {
            if (decoder is { HasExited: false })
            {
                decoder.Kill();
            }

            decoder?.Dispose();
        }
    }

    // "a" and "a/b" cannot both be stored: refused whole, as a client mistake, not half stored and answered 500.
    private static void RejectFileAndFolderClash(IEnumerable<string> names)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            for (var slash = name.IndexOf('/'); slash > 0; slash = name.IndexOf('/', slash + 1))
            {
                folders.Add(name[..slash]);
            }
        }

        if (names.FirstOrDefault(folders.Contains) is { } clash)
        {
            throw new UploadRejectedException(400, $"Archive rejected: {EntryNames.Quote(clash)} is both a file and a folder");
        }
    }

    private string Check(TarEntry entry, int count, long total)
    {
        if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile))
        {
            throw new UploadRejectedException(400, $"Archive rejected: {EntryNames.Quote(entry.Name)} is a {entry.EntryType} entry; only regular files and folders are allowed");
        }

        var name = entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name;
        if (!StorageKey.TryNormalise(name, out var key, out var error))
        {
            throw new UploadRejectedException(400, $"Archive rejected: {EntryNames.Quote(entry.Name)}: {error}");
        }

        if (count > options.MaxArchiveFiles)
        {
            throw new UploadRejectedException(400, $"Archive rejected: more than {options.MaxArchiveFiles} files");
        }

        if (entry.Length > options.MaxArchiveEntryBytes)
        {
            throw new UploadRejectedException(400, $"Archive rejected: {EntryNames.Quote(name)} is larger than {options.MaxArchiveEntryBytes} bytes");
        }

        return total > options.MaxArchiveBytes
            ? throw new UploadRejectedException(400, $"Archive rejected: more than {options.MaxArchiveBytes} bytes unpacked")
            : key;
    }
}
