using static KernelCI.Kcidb.Tests.Schema.Documents;

namespace KernelCI.Kcidb.Tests.Schema;

/// <summary>Escaped strings are decoded into a scratch buffer, once for all of a field's checks.</summary>
public sealed class EscapedStringTests
{
    [Fact]
    public void Escaped_excerpt_over_max_length_and_with_a_nul_reports_both()
    {
        var excerpt = string.Concat(Enumerable.Repeat("\\n", 16384)) + "\\u0000";

        var result = Process(WithTest($"\"log_excerpt\": \"{excerpt}\""));

        Assert.Equal(2, result.Errors.Count);
        Assert.Equal("tests[0].log_excerpt: is longer than 16384 characters", result.Errors[0]);
        Assert.StartsWith("tests[0].log_excerpt: \"\\n\\n", result.Errors[1], StringComparison.Ordinal);
        Assert.EndsWith("does not match ^[^\\0]*$", result.Errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Escaped_excerpt_counts_its_decoded_characters()
    {
        var excerpt = string.Concat(Enumerable.Repeat("\\n", 16384));

        Assert.True(Process(WithTest($"\"log_excerpt\": \"{excerpt}\"")).IsValid);
    }

    [Fact]
    public void Escaped_date_time_is_checked_as_decoded()
    {
        Assert.True(Process(WithTest("\"start_time\": \"2026-10-04T19:05:23\\u002b00:00\"")).IsValid);
        AssertSingleError(
            Process(WithTest("\"start_time\": \"2026-13-04T19:05:23\\u002b00:00\"")),
            "tests[0].start_time: \"2026-13-04T19:05:23\\u002b00:00\" is not a valid date-time");
    }

    [Fact]
    public void Escaped_uri_is_checked_as_decoded()
    {
        Assert.True(Process(WithTest("\"log_url\": \"https:\\/\\/x.org\\/a\"")).IsValid);
        AssertSingleError(
            Process(WithTest("\"log_url\": \"https:\\/\\/x.org\\/a\\u0020b\"")),
            "tests[0].log_url: \"https:\\/\\/x.org\\/a\\u0020b\" is not a valid uri");
    }

    [Fact]
    public void Escaped_path_is_matched_as_decoded()
    {
        Assert.True(Process(WithTest("\"path\": \"a\\u002eb\"")).IsValid);
        AssertSingleError(Process(WithTest("\"path\": \"a\\u002e.b\"")), "tests[0].path: \"a\\u002e.b\" does not match ^(");
    }

    [Fact]
    public void Escaped_https_url_checks_pattern_and_format_on_one_decoding()
    {
        Assert.True(Process(WithCheckout("\"git_repository_url\": \"https:\\/\\/git.kernel.org\\/x\"")).IsValid);
        AssertSingleError(
            Process(WithCheckout("\"git_repository_url\": \"\\u0068ttp:\\/\\/git.kernel.org\\/x\"")),
            "checkouts[0].git_repository_url: \"\\u0068ttp:\\/\\/git.kernel.org\\/x\" does not match ^https://");
    }
}
