using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace KernelCI.Storage.Tests.Files;

internal static class TarBuilder
{
    public static byte[] Tar(params (string Name, string Content)[] files) =>
        Build(files.Select(f => (TarEntry)new PaxTarEntry(TarEntryType.RegularFile, f.Name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(f.Content)) }));

    public static byte[] Build(IEnumerable<TarEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                writer.WriteEntry(entry);
            }
        }

        return buffer.ToArray();
    }

    public static byte[] Gzip(byte[] tar)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(tar);
        }

        return buffer.ToArray();
    }

    /// <summary>Compressed with the system's `xz` or `zstd`, the tools the server decodes with.</summary>
    public static byte[] WithTool(string tool, byte[] tar)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        using var process = Process.Start(start)!;
        var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        process.StandardInput.BaseStream.Write(tar);
        process.StandardInput.Close();
        copy.GetAwaiter().GetResult();
        process.WaitForExit();
        return output.ToArray();
    }
}
