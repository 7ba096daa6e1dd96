using static KernelCI.Kcidb.Tests.Schema.Documents;

namespace KernelCI.Kcidb.Tests.Schema;

public sealed class NulCharacterTests
{
    private const string V45 = """{"major": 4, "minor": 5}""";

    [Theory]
    [InlineData("""{"builds": [{"id": "origin:1", "origin": "origin", "checkout_id": "origin:1", "log_excerpt": "a\u0000b"}]}""", "builds[0].log_excerpt: contains a NUL character")]
    [InlineData("""{"tests": [{"id": "origin:1", "origin": "origin", "build_id": "origin:1", "log_excerpt": "a\u0000b"}]}""", "tests[0].log_excerpt: contains a NUL character")]
    [InlineData("""{"tests": [{"id": "origin:1", "origin": "origin", "build_id": "origin:1", "environment": {"comment": "a\u0000b"} }]}""", "tests[0].environment.comment: contains a NUL character")]
    [InlineData("""{"tests": [{"id": "origin:1", "origin": "origin", "build_id": "origin:1", "environment": {"compatible": ["a\u0000b"]}}]}""", "tests[0].environment.compatible[0]: contains a NUL character")]
    public void Nul_in_a_v4_string_makes_the_upgrade_impossible(string lists, string error)
    {
        var result = Process($$"""{"version": {{V45}}, {{lists[1..]}}""");

        AssertSingleError(result, error);
    }

    [Fact]
    public void Nul_inside_v4_misc_is_upgraded()
    {
        var result = Process($$"""{"version": {{V45}}, "tests": [{"id": "origin:1", "origin": "origin", "build_id": "origin:1", "misc": {"x": "a\u0000b"} }]}""");

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Nul_in_a_v5_3_string_is_rejected_by_the_schema()
    {
        AssertSingleError(Process(WithTest("\"comment\": \"a\\u0000b\"")), "tests[0].comment: \"a\\u0000b\" does not match ^[^\\0]*$");
    }

    [Fact]
    public void Nul_in_a_v5_3_id_is_rejected_by_the_schema()
    {
        AssertSingleError(Process(WithBuild("").Replace("\"o:c1\"", "\"o:c\\u00001\"", StringComparison.Ordinal)), "builds[0].checkout_id: ");
    }
}
