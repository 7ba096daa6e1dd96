using KernelCI.Dashboard.Proxy;

namespace KernelCI.Dashboard.Tests.Proxy;

public sealed class ByteRangeTests
{
    [Theory]
    [InlineData("bytes=0-99", 1000, 0, 99)]
    [InlineData("bytes=900-", 1000, 900, 999)]
    [InlineData("bytes=900-5000", 1000, 900, 999)]
    [InlineData("bytes=-100", 1000, 900, 999)]
    [InlineData("bytes=-5000", 1000, 0, 999)]
    public void Range_resolves_within_the_length(string header, long length, long start, long end) =>
        Assert.Equal((start, end), ByteRange.Parse(header)!.Resolve(length));

    [Theory]
    [InlineData("bytes=1000-", 1000)]
    [InlineData("bytes=-0", 1000)]
    [InlineData("bytes=-10", 0)]
    public void Range_outside_the_log_is_unsatisfiable(string header, long length) =>
        Assert.Null(ByteRange.Parse(header)!.Resolve(length));

    [Theory]
    [InlineData("bytes=5-1")]
    [InlineData("bytes=a-5")]
    [InlineData("bytes=1-x")]
    [InlineData("bytes=-")]
    [InlineData("bytes=0-1,5-6")]
    [InlineData("items=0-1")]
    public void Unusable_header_is_ignored(string header) => Assert.Null(ByteRange.Parse(header));
}
