using System.Buffers;
using System.IO.Compression;
using KernelCI.Pipeline.Services.Tarball.Archive;

namespace KernelCI.Pipeline.Tests.Services.Tarball.Archive;

public sealed class FixedDeflateWriterTests
{
    [Fact]
    public void Literals_and_matches_of_every_length_and_distance_class_inflate_to_the_input()
    {
        var random = new Random(7);
        var expected = new List<byte>();
        var output = new ArrayBufferWriter<byte>();
        var writer = new FixedDeflateWriter(output);
        writer.BeginBlock(final: false);
        for (var i = 0; i < 40_000; i++)
        {
            var value = (byte)random.Next(256);
            writer.Literal(value);
            expected.Add(value);
        }

        writer.EndBlock(final: false);
        writer.BeginBlock(final: true);
        foreach (var distance in new[] { 1, 2, 5, 9, 100, 1000, 4097, 24577, 32768 })
        {
            foreach (var length in new[] { 3, 10, 11, 130, 227, 257, 258 })
            {
                writer.Match(length, distance);
                for (var k = 0; k < length; k++)
                {
                    expected.Add(expected[^distance]);
                }
            }
        }

        writer.EndBlock(final: true);

        Assert.Equal(expected, Inflate(output.WrittenSpan.ToArray()));
    }

    [Fact]
    public void Non_final_block_ends_with_zlibs_sync_marker()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new FixedDeflateWriter(output);
        writer.BeginBlock(final: false);
        writer.Literal(1);
        writer.EndBlock(final: false);

        Assert.Equal([0x00, 0x00, 0xFF, 0xFF], output.WrittenSpan[^4..].ToArray());
    }

    private static byte[] Inflate(byte[] deflated)
    {
        using var inflate = new DeflateStream(new MemoryStream(deflated), CompressionMode.Decompress);
        using var result = new MemoryStream();
        inflate.CopyTo(result);
        return result.ToArray();
    }
}
