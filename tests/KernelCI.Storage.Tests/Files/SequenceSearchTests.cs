using System.Text;
using KernelCI.Storage.Files;

namespace KernelCI.Storage.Tests.Files;

public sealed class SequenceSearchTests
{
    [Fact]
    public void Pattern_split_across_two_segments_is_found_at_every_cut()
    {
        var bytes = Encoding.ASCII.GetBytes("xxxxxxxxxx\r\n--boundaryyyyyyy");
        for (var cut = 1; cut < bytes.Length; cut++)
        {
            Assert.Equal(10, SequenceSearch.IndexOf(SequenceSegments.Split(bytes, cut), "\r\n--boundary"u8, 0));
        }
    }

    [Fact]
    public void Pattern_spread_over_one_byte_segments_is_found()
    {
        var bytes = Encoding.ASCII.GetBytes("ab\r\n--b\r\n--boundary!");

        Assert.Equal(7, SequenceSearch.IndexOf(SequenceSegments.Bytewise(bytes), "\r\n--boundary"u8, 0));
    }

    [Fact]
    public void Match_before_the_start_offset_is_skipped()
    {
        var bytes = Encoding.ASCII.GetBytes("--b..--b..");

        Assert.Equal(5, SequenceSearch.IndexOf(SequenceSegments.Split(bytes, 3, 6), "--b"u8, 1));
    }

    [Fact]
    public void Prefix_of_the_pattern_at_the_end_is_not_a_match()
    {
        var bytes = Encoding.ASCII.GetBytes("data\r\n--bound");

        Assert.Equal(-1, SequenceSearch.IndexOf(SequenceSegments.Split(bytes, 5, 8), "\r\n--boundary"u8, 0));
    }
}
