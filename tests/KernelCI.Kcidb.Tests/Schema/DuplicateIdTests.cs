using static KernelCI.Kcidb.Tests.Schema.Documents;

namespace KernelCI.Kcidb.Tests.Schema;

public sealed class DuplicateIdTests
{
    [Fact]
    public void Duplicate_test_id_is_rejected_with_type_and_id()
    {
        var result = Process($$"""{"version": {{V53}}, "tests": [{"id": "o:1", "origin": "o", "build_id": "o:b"}, {"id": "o:2", "origin": "o", "build_id": "o:b"}, {"id": "o:1", "origin": "o", "build_id": "o:c"}]}""");

        AssertSingleError(result, "tests[2]: duplicate test id \"o:1\", already used by tests[0]");
    }

    [Fact]
    public void Same_id_in_different_types_is_allowed()
    {
        var result = Process($$"""{"version": {{V53}}, "builds": [{"id": "o:1", "origin": "o", "checkout_id": "o:1"}], "checkouts": [{"id": "o:1", "origin": "o"}]}""");

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Issue_versions_of_one_id_are_distinct()
    {
        var result = Process($$"""{"version": {{V53}}, "issues": [{"id": "o:1", "origin": "o", "version": 1}, {"id": "o:1", "origin": "o", "version": 2}]}""");

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Duplicate_issue_id_and_version_is_rejected()
    {
        var result = Process($$"""{"version": {{V53}}, "issues": [{"id": "o:1", "origin": "o", "version": 1}, {"id": "o:1", "origin": "o", "version": 1.0}]}""");

        AssertSingleError(result, "issues[1]: duplicate issue id \"o:1\" version 1");
    }

    [Fact]
    public void Escaped_and_plain_spellings_of_an_id_are_the_same_id()
    {
        var result = Process($$"""{"version": {{V53}}, "checkouts": [{"id": "o:a", "origin": "o"}, {"id": "o:\u0061", "origin": "o"}]}""");

        AssertSingleError(result, "checkouts[1]: duplicate checkout id \"o:a\"");
    }

    [Fact]
    public void Repeated_id_field_counts_by_its_last_value()
    {
        var result = Process($$"""{"version": {{V53}}, "checkouts": [{"id": "o:a", "origin": "o", "id": "o:b"}, {"id": "o:b", "origin": "o"}]}""");

        AssertSingleError(result, "checkouts[1]: duplicate checkout id \"o:b\", already used by checkouts[0]");
    }

    [Fact]
    public void Repeated_issue_version_field_counts_by_its_last_value()
    {
        var result = Process($$"""{"version": {{V53}}, "issues": [{"id": "o:1", "origin": "o", "version": 1, "version": 2}, {"id": "o:1", "origin": "o", "version": 1}]}""");

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Many_distinct_ids_are_accepted()
    {
        var tests = string.Join(", ", Enumerable.Range(0, 5000).Select(i => $$"""{"id": "o:{{i}}", "origin": "o", "build_id": "o:b"}"""));

        Assert.True(Process($$"""{"version": {{V53}}, "tests": [{{tests}}]}""").IsValid);
    }
}
