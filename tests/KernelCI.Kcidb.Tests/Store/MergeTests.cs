using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Kcidb.Tests.Store;

public sealed class MergeTests
{
    private const string FirstTest = """
        {"id": "o:t", "origin": "o", "build_id": "o:b", "status": "FAIL", "comment": "first",
         "environment": {"comment": "board", "misc": {"a": 1}}, "misc": {"a": 1}}
        """;

    private const string First = $$""" "tests": [{{FirstTest}}]""";

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Later_non_null_value_replaces_an_earlier_one(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await context.IngestAsync(KcidbSamples.Submission("s1", First));

        await context.IngestAsync(KcidbSamples.Submission("s2",
            """ "tests": [{"id": "o:t", "origin": "o", "build_id": "o:b", "status": "PASS", "misc": {"b": 2}}]"""));

        RoundTripTests.AssertSame("""
            {"id": "o:t", "origin": "o", "build_id": "o:b", "status": "PASS", "comment": "first",
             "environment": {"comment": "board", "misc": {"a": 1}}, "misc": {"b": 2}}
            """, await context.GetAsync("tests", "o:t"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Later_null_does_not_overwrite_a_value(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await context.IngestAsync(KcidbSamples.Submission("s1", First));

        await context.IngestAsync(KcidbSamples.Submission("s2", """ "tests": [{"id": "o:t", "origin": "o", "build_id": "o:b"}]"""));

        RoundTripTests.AssertSame(FirstTest, await context.GetAsync("tests", "o:t"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Nested_objects_merge_per_field(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await context.IngestAsync(KcidbSamples.Submission("s1", First));

        await context.IngestAsync(KcidbSamples.Submission("s2",
            """ "tests": [{"id": "o:t", "origin": "o", "build_id": "o:b", "environment": {"compatible": ["a,b"]}}]"""));

        var test = await context.GetAsync("tests", "o:t");
        RoundTripTests.AssertSame("""{"comment": "board", "misc": {"a": 1}, "compatible": ["a,b"]}""", test!["environment"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Same_id_twice_in_one_batch_merges_in_submission_order(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);

        await context.IngestAsync(
            KcidbSamples.Submission("s1", First),
            KcidbSamples.Submission("s2", """ "tests": [{"id": "o:t", "origin": "o", "build_id": "o:b", "status": "PASS", "duration": 2}]"""),
            KcidbSamples.Submission("s3", """ "tests": [{"id": "o:t", "origin": "o", "build_id": "o:b", "duration": 3}]"""));

        var test = await context.GetAsync("tests", "o:t");
        Assert.Equal("PASS", (string?)test!["status"]);
        Assert.Equal(3.0, (double?)test["duration"]);
        Assert.Equal("first", (string?)test["comment"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Issue_versions_are_separate_objects(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);

        await context.IngestAsync(KcidbSamples.Submission("s1", """
            "issues": [{"id": "o:i", "version": 1, "origin": "o", "comment": "one"},
                       {"id": "o:i", "version": 2, "origin": "o", "comment": "two"}]
            """));
        await context.IngestAsync(KcidbSamples.Submission("s2", """ "issues": [{"id": "o:i", "version": 2, "origin": "o", "report_subject": "s"}]"""));

        RoundTripTests.AssertSame("""{"id": "o:i", "version": 1, "origin": "o", "comment": "one"}""", await context.GetAsync("issues", "o:i", 1));
        RoundTripTests.AssertSame("""{"id": "o:i", "version": 2, "origin": "o", "comment": "two", "report_subject": "s"}""",
            await context.GetAsync("issues", "o:i", 2));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Unstorable_value_fails_the_batch_with_a_database_error(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);

        // The batcher retries one submission at a time on a DbException and fails only the bad one.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => context.IngestAsync(
            KcidbSamples.Submission("ok", First),
            KcidbSamples.Submission("bad", """ "issues": [{"id": "o:i", "version": 1e30, "origin": "o"}]""")));

        Assert.Null(await context.GetAsync("tests", "o:t"));
        Assert.Empty(await context.Store.FindIngestedAsync(["ok", "bad"], TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Issue_without_its_version_fails_with_a_database_error(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => context.IngestAsync(
            KcidbSamples.Submission("bad", """ "issues": [{"id": "o:i", "origin": "o"}]""")));
    }
}
