using KernelCI.Kcidb.Ingestion;

namespace KernelCI.Kcidb.Tests.Ingestion;

public sealed class SpoolFileBufferTests
{
    [Fact]
    public void Read_holds_exactly_the_file_bytes_in_a_pooled_array()
    {
        var path = Path.GetTempFileName();
        try
        {
            // Not a power of two, so the rented array is longer than the file and only the file's part may be seen.
            var bytes = new byte[300_001];
            new Random(7).NextBytes(bytes);
            File.WriteAllBytes(path, bytes);

            using var buffer = SpoolFileBuffer.Read(path);

            Assert.Equal(bytes, buffer.Memory.ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Disposed_buffer_no_longer_exposes_the_returned_array()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [1, 2, 3]);
            var buffer = SpoolFileBuffer.Read(path);

            buffer.Dispose();

            Assert.True(buffer.Memory.IsEmpty);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
