using System.ComponentModel;
using System.Diagnostics;
using System.IO.Compression;

namespace KernelCI.Storage.Files;

/// <summary>Upstream's suffixes. xz and zstd have no decoder in .NET, so the system's `xz` and `zstd` tools decode them.</summary>
internal static class ArchiveFormat
{
    public static bool IsSupported(string fileName) => Kind(fileName) is not null;

    public static string? Kind(string fileName)
    {
        var name = fileName.ToLowerInvariant();
        return name switch
        {
            _ when name.EndsWith(".tar", StringComparison.Ordinal) => "tar",
            _ when name.EndsWith(".tar.gz", StringComparison.Ordinal) || name.EndsWith(".tgz", StringComparison.Ordinal) => "gz",
            _ when name.EndsWith(".tar.xz", StringComparison.Ordinal) || name.EndsWith(".txz", StringComparison.Ordinal) => "xz",
            _ when name.EndsWith(".tar.zst", StringComparison.Ordinal) || name.EndsWith(".tzst", StringComparison.Ordinal) => "zst",
            _ => null,
        };
    }

    /// <summary>The tar stream; <paramref name="decoder"/> is the tool process to check once the stream is read.</summary>
    public static Stream Open(string path, string kind, out Process? decoder)
    {
        decoder = null;
        if (kind is "tar" or "gz")
        {
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1024 * 1024, FileOptions.SequentialScan);
            return kind == "tar" ? file : new GZipStream(file, CompressionMode.Decompress);
        }

        var start = new ProcessStartInfo(kind == "xz" ? "xz" : "zstd")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-dc");
        if (kind == "xz")
        {
            // xz has no decoding memory limit of its own (zstd's is 128 MiB); real archives need at most 64 MiB (-9).
            start.ArgumentList.Add("--memlimit-decompress=256MiB");
        }

        start.ArgumentList.Add("--");
        start.ArgumentList.Add(path);
        try
        {
            decoder = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            throw new UploadRejectedException(501, $"this server cannot unpack .{kind} archives: the {start.FileName} tool is not installed");
        }

        decoder.ErrorDataReceived += (_, _) => { };
        decoder.BeginErrorReadLine();
        return decoder.StandardOutput.BaseStream;
    }
}
