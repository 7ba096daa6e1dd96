using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Kcidb.Tests.Store;

public sealed class RoundTripTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Every_field_of_every_type_comes_back_as_submitted(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);

        await context.IngestAsync(KcidbSamples.Everything());

        AssertSame(KcidbSamples.Checkout, await context.GetAsync("checkouts", "origin:1"));
        AssertSame(KcidbSamples.Build, await context.GetAsync("builds", "origin:1"));
        AssertSame(KcidbSamples.Test, await context.GetAsync("tests", "origin:1"));
        AssertSame(KcidbSamples.Issue, await context.GetAsync("issues", "origin:1"));
        AssertSame(KcidbSamples.Incident, await context.GetAsync("incidents", "origin:1"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Absent_fields_stay_absent(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);

        await context.IngestAsync(KcidbSamples.Submission("s1",
            """ "tests": [{"id": "o:t", "origin": "o", "build_id": "o:b", "number": {"value": 3}}]"""));

        AssertSame("""{"id": "o:t", "origin": "o", "build_id": "o:b", "number": {"value": 3}}""", await context.GetAsync("tests", "o:t"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Timestamps_in_other_zones_are_stored_in_utc(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);

        await context.IngestAsync(KcidbSamples.Submission("s1",
            """ "builds": [{"id": "o:b", "origin": "o", "checkout_id": "o:c", "start_time": "2021-03-04T05:06:07.1234567891+02:00"}]"""));

        var build = await context.GetAsync("builds", "o:b");
        Assert.Equal("2021-03-04T03:06:07.123456+00:00", (string?)build!["start_time"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Escaped_and_non_ascii_text_comes_back_as_submitted(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        const string test = """
            {"id": "o:t", "origin": "o", "build_id": "o:b", "path": "caf\u00e9.x", "comment": "a \"quoted\"\nline \\ café ✓",
             "environment": {"comment": "\t tab", "compatible": ["a\u002fb", "é", "plain"], "misc": {"k\u00e9y": "v\"", "n": [1, 2.5]}},
             "start_time": "2021-03-04T05:06:07.500000+00:00", "misc": {"x": "\u0041"}}
            """;

        await context.IngestAsync(KcidbSamples.Submission("s1", $""" "tests": [{test}]"""));

        AssertSame(test, await context.GetAsync("tests", "o:t"));
    }

    internal static void AssertSame(string expected, JsonNode? actual)
    {
        Assert.NotNull(actual);
        var expectedNode = JsonNode.Parse(expected);
        Assert.True(JsonNode.DeepEquals(expectedNode, actual), $"expected {expectedNode!.ToJsonString()}\nactual   {actual.ToJsonString()}");
    }
}
