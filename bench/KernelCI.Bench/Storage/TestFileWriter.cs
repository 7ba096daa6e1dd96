using System.Diagnostics;

namespace KernelCI.Bench.Storage;

/// <summary>Random, incompressible contents from a seed: one 1 MiB file, one 1 GiB file, small files in memory.</summary>
internal static class TestFileWriter
{
    private const int MinSmall = 4 * 1024;
    private const int MaxSmall = 64 * 1024;

    public static async Task<TestFiles> WriteAsync(string directory, StorageSettings settings, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var random = new Random((int)settings.Seed);
        var mib = Path.Combine(directory, "1mib.bin");
        await WriteRandomAsync(mib, TestFiles.Mib, random, cancellationToken);
        string? gib = null;
        double? diskMBps = null;
        if (!settings.SkipGib)
        {
            gib = Path.Combine(directory, "1gib.bin");
            var stopwatch = Stopwatch.StartNew();
            await WriteRandomAsync(gib, TestFiles.Gib, random, cancellationToken);
            diskMBps = TestFiles.Gib / 1e6 / stopwatch.Elapsed.TotalSeconds;
        }

        // One shared random block; each small file is a slice of it, so they need no disk and little memory.
        var block = new byte[MaxSmall * 2];
        random.NextBytes(block);
        var small = Enumerable.Range(0, settings.SmallFiles)
            .Select(i => new SmallFile($"{i:D5}.bin", block.AsMemory(random.Next(MaxSmall), random.Next(MinSmall, MaxSmall + 1))))
            .ToList();
        return new TestFiles(mib, gib, small, diskMBps);
    }

    private static async Task WriteRandomAsync(string path, long length, Random random, CancellationToken cancellationToken)
    {
        var buffer = new byte[TestFiles.Mib];
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
        for (var written = 0L; written < length; written += buffer.Length)
        {
            random.NextBytes(buffer);
            await file.WriteAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, length - written)), cancellationToken);
        }

        file.Flush(flushToDisk: true);
    }
}
