using static KernelCI.Kcidb.Tests.Schema.Documents;

namespace KernelCI.Kcidb.Tests.Schema;

public sealed class KeywordViolationTests
{
    [Fact]
    public void Wrong_type_is_rejected_with_the_field_named()
    {
        AssertSingleError(Process(WithTest("\"duration\": \"long\"")), "tests[0].duration: \"long\" is not of type number");
    }

    [Fact]
    public void Null_is_rejected_for_a_typed_field()
    {
        AssertSingleError(Process(WithTest("\"comment\": null")), "tests[0].comment: null is not of type string");
    }

    [Fact]
    public void Float_with_a_fraction_is_not_an_integer()
    {
        AssertSingleError(Process(WithIssue("").Replace("\"version\": 1", "\"version\": 1.5", StringComparison.Ordinal)), "issues[0].version: 1.5 is not of type integer");
    }

    [Fact]
    public void Missing_required_field_is_named()
    {
        var result = Process($$"""{"version": {{V53}}, "builds": [{"id": "o:b1", "origin": "o"}]}""");

        AssertSingleError(result, "builds[0]: missing required field \"checkout_id\"");
    }

    [Fact]
    public void Unknown_field_is_rejected()
    {
        AssertSingleError(Process(WithBuild("\"valid\": true")), "builds[0]: unexpected field \"valid\"");
    }

    [Fact]
    public void Metadata_field_other_than_timestamp_is_rejected()
    {
        AssertSingleError(Process(WithTest("\"_foo\": 1")), "tests[0]: unexpected field \"_foo\"");
    }

    [Fact]
    public void Unknown_top_level_field_is_rejected_without_a_location()
    {
        AssertSingleError(Process($$"""{"version": {{V53}}, "revisions": []}"""), "unexpected field \"revisions\"");
    }

    [Fact]
    public void Pattern_mismatch_names_the_field_value_and_pattern()
    {
        AssertSingleError(Process(WithTest("\"path\": \"a..b\"")), "tests[0].path: \"a..b\" does not match ^([a-zA-Z0-9_-]+(\\.[a-zA-Z0-9_-]+)*)?$");
    }

    [Fact]
    public void Id_without_origin_prefix_is_rejected()
    {
        AssertSingleError(Process(WithBuild("").Replace("\"o:c1\"", "\"c1\"", StringComparison.Ordinal)), "builds[0].checkout_id: \"c1\" does not match");
    }

    [Fact]
    public void Escaped_id_is_checked_after_decoding()
    {
        Assert.True(Process(WithBuild("").Replace("\"o:c1\"", "\"o\\u003ac1\"", StringComparison.Ordinal)).IsValid);
    }

    [Fact]
    public void Short_commit_hash_is_rejected()
    {
        AssertSingleError(Process(WithCheckout("\"git_commit_hash\": \"5e29d14\"")), "checkouts[0].git_commit_hash: \"5e29d14\" does not match ^[0-9a-f]{40}$");
    }

    [Fact]
    public void Array_item_violations_name_the_index()
    {
        var result = Process(WithTest("""  "output_files": [{"name": "a", "url": "https://x/a"}, {"name": "b"}]"""));

        AssertSingleError(result, "tests[0].output_files[1]: missing required field \"url\"");
    }

    [Fact]
    public void Value_outside_the_enum_is_rejected()
    {
        AssertSingleError(Process(WithTest("\"status\": \"OK\"")), "tests[0].status: \"OK\" is not one of \"FAIL\", \"ERROR\", \"MISS\", \"PASS\", \"DONE\", \"SKIP\"");
    }

    [Fact]
    public void Value_below_the_minimum_is_rejected()
    {
        AssertSingleError(Process(WithIssue("").Replace("\"version\": 1", "\"version\": -1", StringComparison.Ordinal)), "issues[0].version: -1 is less than the minimum of 0");
    }

    [Fact]
    public void String_longer_than_max_length_is_rejected()
    {
        var excerpt = new string('x', 16385);

        AssertSingleError(Process(WithTest($"\"log_excerpt\": \"{excerpt}\"")), "tests[0].log_excerpt: is longer than 16384 characters");
    }

    [Fact]
    public void Max_length_counts_code_points_not_utf16_units()
    {
        var excerpt = string.Concat(Enumerable.Repeat("\U0001F600", 16384));

        Assert.True(Process(WithTest($"\"log_excerpt\": \"{excerpt}\"")).IsValid);
    }

    [Fact]
    public void Escaped_astral_characters_count_once_each()
    {
        var excerpt = string.Concat(Enumerable.Repeat("\\ud83d\\ude00", 16384)) + "x";

        AssertSingleError(Process(WithTest($"\"log_excerpt\": \"{excerpt}\"")), "tests[0].log_excerpt: is longer than 16384 characters");
    }

    [Fact]
    public void Errors_are_capped_per_document()
    {
        var tests = string.Join(", ", Enumerable.Range(0, 150).Select(i => $$"""{"id": "o:{{i}}", "origin": "o"}"""));

        var result = Process($$"""{"version": {{V53}}, "tests": [{{tests}}]}""");

        Assert.Equal(101, result.Errors.Count);
        Assert.StartsWith("too many errors", result.Errors[^1], StringComparison.Ordinal);
    }
}
