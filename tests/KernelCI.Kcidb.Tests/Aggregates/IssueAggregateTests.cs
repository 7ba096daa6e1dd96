using KernelCI.Data;
using KernelCI.Kcidb.Store;
using KernelCI.Kcidb.Tests.Store;
using KernelCI.Testing;
using static KernelCI.Kcidb.Tests.Aggregates.AggregateDocs;

namespace KernelCI.Kcidb.Tests.Aggregates;

/// <summary>Ingestion keeps the issue listing's aggregates (dash_issue_first, dash_issue_trees) equal to their
/// recomputation under KCIDB's merge rule, whatever order an issue's incidents, tests, builds and checkouts arrive in
/// (docs/dashboard-api.md, "Aggregates").</summary>
public sealed class IssueAggregateTests
{
    private static AcceptedSubmission Objects(string id, string lists) => KcidbSamples.Submission(id, lists);

    private static string Checkout(string id, bool tree) => tree
        ? $$"""{"id": "{{id}}", "origin": "o", "tree_name": "mainline", "git_repository_branch": "master"}"""
        : $$"""{"id": "{{id}}", "origin": "o"}""";

    private static string Incident(string id, string issue, int version, string? test = null, string? build = null) =>
        $$"""{"id": "{{id}}", "origin": "o", "issue_id": "{{issue}}", "issue_version": {{version}}""" +
        (test is null ? "" : $", \"test_id\": \"{test}\"") + (build is null ? "" : $", \"build_id\": \"{build}\"") + "}";

    private static async Task<string?> FirstAsync(StoreContext context, string issue, string column)
    {
        await using var connection = await context.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {column} FROM dash_issue_first WHERE issue_id = '{issue}'";
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken) is { } value and not DBNull ? value.ToString() : null;
    }

    private static Task<long> TreesAsync(StoreContext context, string issue, int version) =>
        AggregateTables.RowsAsync(context.Database, "dash_issue_trees", $"issue_id = '{issue}' AND issue_version = {version}");

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Checkout_gaining_a_tree_after_the_incident_makes_its_issue_version_reach_a_tree(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await context.IngestAsync(Objects("s1", $"""
            "checkouts": [{Checkout("o:c1", tree: false)}], "builds": [{Build("o:b1", "o:c1")}], "tests": [{Test("o:t1", "o:b1")}],
            "incidents": [{Incident("o:i1", "o:x", 1, test: "o:t1")}]
            """));
        Assert.Equal(0, await TreesAsync(context, "o:x", 1));

        await context.IngestAsync(Objects("s2", $"\"checkouts\": [{Checkout("o:c1", tree: true)}]"));

        Assert.Equal(1, await TreesAsync(context, "o:x", 1));
        await AggregateTables.AssertExactAsync(context.Database);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Incident_arriving_before_its_test_build_and_checkout_gets_them_when_they_come(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await context.IngestAsync(Objects("s1", $"\"incidents\": [{Incident("o:i1", "o:x", 1, test: "o:t1")}]"));
        Assert.Null(await FirstAsync(context, "o:x", "checkout_id"));

        await context.IngestAsync(Objects("s2", $"\"tests\": [{Test("o:t1", "o:b1")}]"));
        await context.IngestAsync(Objects("s3", $"\"builds\": [{Build("o:b1", "o:c1")}]"));
        Assert.Equal("o:c1", await FirstAsync(context, "o:x", "checkout_id"));
        Assert.Equal(0, await TreesAsync(context, "o:x", 1));
        await context.IngestAsync(Objects("s4", $"\"checkouts\": [{Checkout("o:c1", tree: true)}]"));

        Assert.Equal(1, await TreesAsync(context, "o:x", 1));
        await AggregateTables.AssertExactAsync(context.Database);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Incident_of_a_lower_version_added_later_becomes_the_first(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await context.IngestAsync(Objects("s1", $"\"incidents\": [{Incident("o:i1", "o:x", 2, build: "o:b1")}]"));
        context.Time.Advance(TimeSpan.FromMinutes(1));

        await context.IngestAsync(Objects("s2", $"\"incidents\": [{Incident("o:i2", "o:x", 1, build: "o:b1")}]"));

        Assert.Equal("o:i2", await FirstAsync(context, "o:x", "incident_id"));
        await AggregateTables.AssertExactAsync(context.Database);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Incident_sent_again_is_no_longer_the_earliest_of_its_version(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await context.IngestAsync(Objects("s1", $"\"incidents\": [{Incident("o:i1", "o:x", 1, build: "o:b1")}]"));
        context.Time.Advance(TimeSpan.FromMinutes(1));
        await context.IngestAsync(Objects("s2", $"\"incidents\": [{Incident("o:i2", "o:x", 1, build: "o:b1")}]"));
        Assert.Equal("o:i1", await FirstAsync(context, "o:x", "incident_id"));
        context.Time.Advance(TimeSpan.FromMinutes(1));

        // Its _timestamp becomes the time of this write (the merge rule).
        await context.IngestAsync(Objects("s3", $"\"incidents\": [{Incident("o:i1", "o:x", 1, build: "o:b1")}]"));

        Assert.Equal("o:i2", await FirstAsync(context, "o:x", "incident_id"));
        await AggregateTables.AssertExactAsync(context.Database);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Incident_moved_to_another_issue_leaves_the_first(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await context.IngestAsync(Objects("s1", $"""
            "checkouts": [{Checkout("o:c1", tree: true)}], "builds": [{Build("o:b1", "o:c1")}],
            "incidents": [{Incident("o:i1", "o:x", 1, build: "o:b1")}]
            """));
        Assert.Equal(1, await TreesAsync(context, "o:x", 1));

        await context.IngestAsync(Objects("s2", $"\"incidents\": [{Incident("o:i1", "o:y", 1, build: "o:b1")}]"));

        Assert.Null(await FirstAsync(context, "o:x", "incident_id"));
        Assert.Equal(0, await TreesAsync(context, "o:x", 1));
        Assert.Equal(1, await TreesAsync(context, "o:y", 1));
        await AggregateTables.AssertExactAsync(context.Database);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_moved_to_a_checkout_without_a_tree_takes_the_tree_away(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await context.IngestAsync(Objects("s1", $"""
            "checkouts": [{Checkout("o:c1", tree: true)}, {Checkout("o:c2", tree: false)}], "builds": [{Build("o:b1", "o:c1")}],
            "tests": [{Test("o:t1", "o:b1")}], "incidents": [{Incident("o:i1", "o:x", 1, test: "o:t1")}]
            """));
        Assert.Equal(1, await TreesAsync(context, "o:x", 1));

        await context.IngestAsync(Objects("s2", $"\"builds\": [{Build("o:b1", "o:c2")}]"));

        Assert.Equal(0, await TreesAsync(context, "o:x", 1));
        Assert.Equal("o:c2", await FirstAsync(context, "o:x", "checkout_id"));
        await AggregateTables.AssertExactAsync(context.Database);
    }
}
