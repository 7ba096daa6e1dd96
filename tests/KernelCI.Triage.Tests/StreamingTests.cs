using System.IO.Compression;
using System.Text;

namespace KernelCI.Triage.Tests;

public sealed class StreamingTests
{
    [Fact]
    public async Task Report_cut_by_the_read_chunk_boundary_is_found()
    {
        var padding = new string('.', LogTriage.ChunkSize - 10) + "\n";
        var log = padding + "[    1.204206] Kernel panic - not syncing: No working init found.\n";

        var problems = await LogTriage.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(log)), LogKind.Boot,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, Assert.Single(problems).LogLine);
    }

    [Fact]
    public async Task Log_of_one_huge_line_is_parsed_in_bounded_memory()
    {
        var huge = new byte[32 << 20];
        huge.AsSpan().Fill((byte)'x');
        var log = new MemoryStream([.. huge, .. "\nKernel panic - not syncing: x\n"u8]);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var problems = await LogTriage.ParseAsync(log, LogKind.Boot, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ProblemKind.KernelPanic, Assert.Single(problems).Kind);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4 << 20, "a huge line is not kept whole");
    }

    [Fact]
    public async Task Gzip_compressed_log_is_read_uncompressed()
    {
        var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Recorded", "qemu-no-init.log")),
                TestContext.Current.CancellationToken);
        }

        compressed.Position = 0;
        var problems = await LogTriage.ParseAsync(compressed, LogKind.Boot, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ProblemKind.KernelPanic, Assert.Single(problems).Kind);
    }

    [Fact]
    public async Task Log_of_one_byte_is_read()
    {
        var problems = await LogTriage.ParseAsync(new MemoryStream("x"u8.ToArray()), LogKind.Boot, "/ #",
            TestContext.Current.CancellationToken);

        Assert.Equal(ProblemKind.NoLogin, Assert.Single(problems).Kind);
    }

    [Fact]
    public async Task Callers_stream_is_left_open()
    {
        var log = new MemoryStream("Kernel panic - not syncing: x\n"u8.ToArray());

        await LogTriage.ParseAsync(log, LogKind.Boot, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(log.CanRead);
    }
}
