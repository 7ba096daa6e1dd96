using KernelCI.Data;
using KernelCI.Kcidb.Aggregates;
using KernelCI.Kcidb.Store;
using KernelCI.Kcidb.Tests.Store;
using KernelCI.Testing;
using static KernelCI.Kcidb.Tests.Aggregates.AggregateDocs;

namespace KernelCI.Kcidb.Tests.Aggregates;

/// <summary>The issue listing's change stamp (KCIDB migration 15, <see cref="IssueListingStamp"/>): a batch that may
/// change what the listing shows sets a new one in its transaction; a batch that cannot leaves it, so the dashboard's
/// cache survives ingestion of unrelated tests (docs/dashboard-api.md, "The listing's cache").</summary>
public sealed class IssueListingStampTests
{
    private const string Seed = """
        "checkouts": [{"id": "o:c1", "origin": "o", "tree_name": "mainline", "git_repository_branch": "master"},
                      {"id": "o:c2", "origin": "o"}],
        "builds": [{"id": "o:b1", "origin": "o", "checkout_id": "o:c1"}, {"id": "o:b2", "origin": "o", "checkout_id": "o:c2"}],
        "tests": [{"id": "o:t1", "origin": "o", "build_id": "o:b1"}],
        "issues": [{"id": "o:x", "version": 1, "origin": "o"}],
        "incidents": [{"id": "o:i1", "origin": "o", "issue_id": "o:x", "issue_version": 1, "test_id": "o:t1"}]
        """;

    private static AcceptedSubmission Objects(string id, string lists) => KcidbSamples.Submission(id, lists);

    private static async Task<long> StampAsync(Database database)
    {
        await using var connection = await database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = IssueListingStamp.ReadSql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The stamp before and after <paramref name="act"/> on a store holding <see cref="Seed"/>.</summary>
    private static async Task<(long Before, long After)> StampAroundAsync(DatabaseKind kind, Func<StoreContext, Task> act)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await context.IngestAsync(Objects("s0", Seed));
        var before = await StampAsync(context.Database);
        await act(context);
        return (before, await StampAsync(context.Database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Batch_with_an_issue_version_sets_a_new_stamp(DatabaseKind kind)
    {
        var (before, after) = await StampAroundAsync(kind, context => context.IngestAsync(Objects("s1", """ "issues": [{"id": "o:y", "version": 1, "origin": "o"}] """)));

        Assert.NotEqual(before, after);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Batch_with_an_incident_sets_a_new_stamp(DatabaseKind kind)
    {
        var (before, after) = await StampAroundAsync(kind, context => context.IngestAsync(Objects("s1", """ "incidents": [{"id": "o:i2", "origin": "o", "issue_id": "o:x", "issue_version": 1, "build_id": "o:b2"}] """)));

        Assert.NotEqual(before, after);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Batch_changing_the_checkout_a_first_incident_reaches_sets_a_new_stamp(DatabaseKind kind)
    {
        var (before, after) = await StampAroundAsync(kind, context => context.IngestAsync(Objects("s1", """ "checkouts": [{"id": "o:c1", "origin": "o", "git_commit_name": "v7.0"}] """)));

        Assert.NotEqual(before, after);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Batch_moving_a_test_with_an_incident_to_another_build_sets_a_new_stamp(DatabaseKind kind)
    {
        var (before, after) = await StampAroundAsync(kind, context => context.IngestAsync(Objects("s1", $"\"tests\": [{Test("o:t1", "o:b2")}]")));

        Assert.NotEqual(before, after);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Batch_of_tests_builds_and_checkouts_no_issue_reaches_keeps_the_stamp(DatabaseKind kind)
    {
        var (before, after) = await StampAroundAsync(kind, context => context.IngestAsync(Objects("s1", $$"""
            "checkouts": [{"id": "o:c2", "origin": "o", "git_commit_name": "v7.0"}, {"id": "o:c3", "origin": "o"}],
            "builds": [{{Build("o:b3", "o:c3")}}], "tests": [{{Test("o:t2", "o:b2", "FAIL")}}, {{Test("o:t3", "o:b3")}}]
            """)));

        Assert.Equal(before, after);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Recomputing_every_aggregate_sets_a_new_stamp(DatabaseKind kind)
    {
        var (before, after) = await StampAroundAsync(kind, context => AggregateRecompute.RecomputeAllAsync(context.Database, TestContext.Current.CancellationToken));

        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task Sqlite_stamp_condition_reaches_the_first_incidents_by_their_checkout_index()
    {
        await using var context = await StoreContext.CreateAsync(DatabaseKind.Sqlite);
        await using var connection = await context.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = IssueAggregate.CreateSql(DatabaseKind.Sqlite);
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + IssueListingStamp.SqliteBatchSql(writesIssues: false);
        var parameter = explain.CreateParameter();
        parameter.ParameterName = "@checkouts";
        parameter.Value = "[]";
        explain.Parameters.Add(parameter);
        var scans = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            var detail = reader.GetString(3);
            if (detail.StartsWith("SCAN ", StringComparison.Ordinal))
            {
                scans.Add(detail[5..].Split(' ')[0]);
            }
        }

        Assert.All(scans, table => Assert.Contains(table, new[] { "j", "kcidb_agg_issues" }));
    }
}
