using System.IO.Hashing;
using KernelCI.Pipeline.Services.Tarball.Archive;

namespace KernelCI.Pipeline.Tests.Services.Tarball.Archive;

public sealed class Crc32MathTests
{
    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 0)]
    [InlineData(1, 1)]
    [InlineData(512, 100_000)]
    [InlineData(77_777, 3)]
    public void Combined_crc_is_the_crc_of_the_concatenation(int firstLength, int secondLength)
    {
        var bytes = new byte[firstLength + secondLength];
        new Random(firstLength + secondLength).NextBytes(bytes);

        var combined = Crc32Math.Combine(Crc32.HashToUInt32(bytes.AsSpan(0, firstLength)), Crc32.HashToUInt32(bytes.AsSpan(firstLength)), secondLength);

        Assert.Equal(Crc32.HashToUInt32(bytes), combined);
    }
}
