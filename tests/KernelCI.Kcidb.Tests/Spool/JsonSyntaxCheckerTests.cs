using System.Text;
using System.Text.Json;
using KernelCI.Kcidb.Spool;

namespace KernelCI.Kcidb.Tests.Spool;

/// <summary>Bodies arrive in chunks that cut tokens anywhere; the checker carries its state, not the bytes, across them.</summary>
public sealed class JsonSyntaxCheckerTests
{
    private static readonly byte[] Document = Encoding.UTF8.GetBytes(
        """{"version": {"major": 5, "minor": 3}, "tests": [{"id": "o:1", "comment": "caf\u00e9 é \ud83d\ude00 😀", "duration": 1.5e3, "misc": {"a": [true, false, null, -0.5E-2, 0]}}]}""");

    private static JsonSyntaxChecker Check(byte[] body, int chunkSize)
    {
        var checker = new JsonSyntaxChecker();
        foreach (var chunk in body.Chunk(chunkSize))
        {
            checker.Feed(chunk);
        }

        checker.Finish();
        return checker;
    }

    private static string? ErrorOf(string body) => Check(Encoding.UTF8.GetBytes(body), 3).Error;

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

        Assert.Null(Check(body, 65536).Error);
    }

    [Fact]
    public void Document_cut_short_is_refused()
    {
        Assert.NotNull(Check(Document[..^3], 7).Error);
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

    [Fact]
    public void A_32_MiB_string_token_is_scanned_once_without_buffering_it()
    {
        var body = new byte[32 << 20];
        body.AsSpan().Fill((byte)'a');
        "{\"log\": \""u8.CopyTo(body);
        "\"}"u8.CopyTo(body.AsSpan(body.Length - 2));
        var checker = new JsonSyntaxChecker();
        checker.Feed(body.AsSpan(0, 1 << 16));

        // Before, a token cut by a chunk boundary was kept and read again, whole, with each following chunk: a buffer as
        // large as the token, and time quadratic in its length. Now nothing is kept but the state, so feeding the rest
        // of the token allocates nothing, and each chunk is scanned once.
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var at = 1 << 16; at < body.Length; at += 1 << 16)
        {
            checker.Feed(body.AsSpan(at, Math.Min(1 << 16, body.Length - at)));
        }

        Assert.True(checker.Finish(), checker.Error);
        Assert.Equal(body.Length, checker.BytesScanned);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 4096);
    }

    [Theory]
    [InlineData("""{"comment": "\ud800"}""")]
    [InlineData("""{"comment": "\ud800x"}""")]
    [InlineData("""{"comment": "\udc00"}""")]
    [InlineData("""{"comment": "\ud800\ud800"}""")]
    [InlineData("""{"comment": "\ud800\n"}""")]
    [InlineData("""{"\udfff": 1}""")]
    public void Escaped_lone_surrogate_is_refused(string body)
    {
        Assert.Contains("surrogate without its pair", ErrorOf(body), StringComparison.Ordinal);
    }

    [Fact]
    public void Escaped_surrogate_pair_cut_by_chunks_is_valid()
    {
        var body = Encoding.UTF8.GetBytes("""["\uD83D\uDE00", "\ud800\udc00"]""");

        Assert.Null(Check(body, 1).Error);
    }

    [Fact]
    public void Escaped_nul_is_refused()
    {
        Assert.Contains("\\u0000", ErrorOf("""{"misc": {"x": "a\u0000b"}}"""), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC0, 0x80 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xE2, 0x82 })]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    [InlineData(new byte[] { 0x80 })]
    public void Invalid_utf8_in_a_string_is_refused(byte[] bad)
    {
        byte[] body = [.. "{\"comment\": \"a"u8, .. bad, .. "\"}"u8];

        for (var chunk = 1; chunk <= 4; chunk++)
        {
            Assert.StartsWith("the body is not valid UTF-8", Check(body, chunk).Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Body_ending_inside_a_character_is_refused()
    {
        Assert.StartsWith("the body is not valid UTF-8", Check([.. "\"a"u8, 0xE2, 0x82], 1).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_valid_and_deeper_is_refused()
    {
        var deepest = new string('[', JsonSyntaxChecker.MaxDepth) + new string(']', JsonSyntaxChecker.MaxDepth);
        var deeper = "[" + deepest + "]";

        Assert.Null(ErrorOf(deepest));
        Assert.Contains("nested deeper", ErrorOf(deeper), StringComparison.Ordinal);
    }

    // The grammar is RFC 8259's, as the runtime's reader (which the ingester parses with) has it: random damage to a
    // document and random chunk sizes must give the same verdict as the reader over the whole body.
    [Fact]
    public void Verdict_matches_the_runtime_reader_on_damaged_documents()
    {
        var random = new Random(20261206);
        byte[] alphabet = [.. "{}[],:\"\\ -+.eE0123456789tfnulrsa/bu\t\n"u8];
        for (var round = 0; round < 5000; round++)
        {
            var body = Document.ToList();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(body.Count);
                switch (random.Next(3))
                {
                    case 0: body.RemoveAt(at); break;
                    case 1: body.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    default: body[at] = alphabet[random.Next(alphabet.Length)]; break;
                }
            }

            var bytes = body.ToArray();
            var expected = ReaderAccepts(bytes);
            var error = Check(bytes, random.Next(1, 20)).Error;
            // What the checker refuses beyond the grammar: the reader lets these through.
            if (error is not null && (error.Contains("surrogate", StringComparison.Ordinal) || error.Contains("u0000", StringComparison.Ordinal)
                || error.StartsWith("the body is not valid UTF-8", StringComparison.Ordinal)))
            {
                continue;
            }

            Assert.True(expected == (error is null), $"{Encoding.UTF8.GetString(bytes)}: reader {(expected ? "accepts" : "refuses")}, checker: {error}");
        }
    }

    private static bool ReaderAccepts(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = JsonSyntaxChecker.MaxDepth });
            while (reader.Read())
            {
            }

            return reader.BytesConsumed > 0 || body.Length == 0 ? reader.TokenType != JsonTokenType.None : false;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
