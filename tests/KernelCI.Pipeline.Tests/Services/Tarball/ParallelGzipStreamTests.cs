using System.Diagnostics;
using System.IO.Compression;
using KernelCI.Pipeline.Services.Tarball;

namespace KernelCI.Pipeline.Tests.Services.Tarball;

public sealed class ParallelGzipStreamTests
{
    [Fact]
    public async Task Many_blocks_decompress_to_the_input_in_order()
    {
        var input = Input(1_000_003);
        using var output = new MemoryStream();

        await using (var gzip = new ParallelGzipStream(output, leaveOpen: true, blockSize: 64 << 10, parallelism: 3))
        {
            foreach (var chunk in input.Chunk(10_000))
            {
                await gzip.WriteAsync(chunk, TestContext.Current.CancellationToken);
            }
        }

        Assert.Equal(input, await DecompressAsync(output.ToArray()));
    }

    [Fact]
    public async Task Output_is_read_whole_by_gzip_itself()
    {
        var input = Input(300_000);
        var file = Path.GetTempFileName();
        try
        {
            await using (var gzip = new ParallelGzipStream(File.Create(file), blockSize: 16 << 10))
            {
                await gzip.WriteAsync(input, TestContext.Current.CancellationToken);
            }

            var gunzip = Process.Start(new ProcessStartInfo("gzip", ["--decompress", "--stdout", file]) { RedirectStandardOutput = true })!;
            using var decompressed = new MemoryStream();
            await gunzip.StandardOutput.BaseStream.CopyToAsync(decompressed, TestContext.Current.CancellationToken);
            await gunzip.WaitForExitAsync(TestContext.Current.CancellationToken);

            Assert.Equal(0, gunzip.ExitCode);
            Assert.Equal(input, decompressed.ToArray());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Empty_input_is_a_valid_empty_gzip_stream()
    {
        using var output = new MemoryStream();

        await using (new ParallelGzipStream(output, leaveOpen: true))
        {
        }

        Assert.NotEmpty(output.ToArray());
        Assert.Empty(await DecompressAsync(output.ToArray()));
    }

    private static byte[] Input(int length)
    {
        // Compressible but not uniform, so a block written out of order would show.
        var random = new Random(7);
        var input = new byte[length];
        for (var i = 0; i < length; i++)
        {
            input[i] = (byte)(i / 1000 % 251 + random.Next(4));
        }

        return input;
    }

    private static async Task<byte[]> DecompressAsync(byte[] compressed)
    {
        using var result = new MemoryStream();
        await using (var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress))
        {
            await gzip.CopyToAsync(result);
        }

        return result.ToArray();
    }
}
