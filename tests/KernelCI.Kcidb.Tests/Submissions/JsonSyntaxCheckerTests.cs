using System.Text;
using KernelCI.Kcidb.Submissions;

namespace KernelCI.Kcidb.Tests.Submissions;

/// <summary>Bodies arrive in chunks that cut tokens anywhere; the checker keeps the cut part for the next chunk.</summary>
public sealed class JsonSyntaxCheckerTests
{
    private static readonly byte[] Document = Encoding.UTF8.GetBytes(
        """{"version": {"major": 5, "minor": 3}, "tests": [{"id": "o:1", "comment": "caf\u00e9 é", "duration": 1.5e3}]}""");

    [Fact]
    public void Document_fed_one_byte_at_a_time_is_valid()
    {
        var checker = new JsonSyntaxChecker();

        foreach (var b in Document)
        {
            checker.Feed([b]);
        }

        Assert.True(checker.Finish(), checker.Error);
    }

    [Fact]
    public void String_longer_than_several_chunks_is_valid()
    {
        var body = Encoding.UTF8.GetBytes($$"""{"log_excerpt": "{{new string('x', 300_000)}}", "n": [1, 2]}""");
        var checker = new JsonSyntaxChecker();

        foreach (var chunk in body.Chunk(65536))
        {
            checker.Feed(chunk);
        }

        Assert.True(checker.Finish(), checker.Error);
    }

    [Fact]
    public void Document_cut_short_is_refused()
    {
        var checker = new JsonSyntaxChecker();

        foreach (var chunk in Document[..^3].Chunk(7))
        {
            checker.Feed(chunk);
        }

        Assert.False(checker.Finish());
    }

    [Fact]
    public void Bad_token_split_across_chunks_is_refused()
    {
        var checker = new JsonSyntaxChecker();

        checker.Feed("{\"a\": tr"u8);
        checker.Feed("ux}"u8);

        Assert.False(checker.Finish());
        Assert.Contains("not valid JSON", checker.Error, StringComparison.Ordinal);
    }
}
