using KernelCI.Data;
using KernelCI.Kcidb.Store;
using KernelCI.Kcidb.Tests.Store;
using KernelCI.Testing;
using static KernelCI.Kcidb.Tests.Aggregates.AggregateDocs;

namespace KernelCI.Kcidb.Tests.Aggregates;

/// <summary>The aggregates change in the batch's own transaction: a batch that does not commit leaves no trace in them.</summary>
public sealed class AggregateCrashTests
{
    private const string FailingSubmission = "boom";

    private static AcceptedSubmission Committed() =>
        Submission("s1", [Build("o:b1", "o:c1")], [Test("o:t1", "o:b1", "FAIL", platform: "rpi"), Test("o:t2", "o:b1")]);

    // Rows, then the aggregates, are written; then the last statement of the batch (recording its submission id) fails.
    private static string FailingTriggerSql(DatabaseKind kind) => kind == DatabaseKind.Sqlite
        ? $"CREATE TRIGGER test_boom BEFORE INSERT ON kcidb_submissions WHEN NEW.id = '{FailingSubmission}' BEGIN SELECT RAISE(ABORT, 'boom'); END"
        : $"""
            CREATE FUNCTION test_boom() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.id = '{FailingSubmission}' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER test_boom BEFORE INSERT ON kcidb_submissions FOR EACH ROW EXECUTE FUNCTION test_boom();
            """;

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Batch_failing_at_its_end_leaves_the_aggregates_of_the_committed_rows(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await context.IngestAsync(Committed());
        var committed = await AggregateTables.SnapshotAsync(context.Database);
        await using (var connection = await context.Database.OpenConnectionAsync(TestContext.Current.CancellationToken))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = FailingTriggerSql(kind);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await Assert.ThrowsAnyAsync<Exception>(() => context.IngestAsync(Submission(FailingSubmission,
            [Build("o:b1", "o:c2", "FAIL"), Build("o:b2", "o:c1")], [Test("o:t1", "o:b2", "PASS", "boot"), Test("o:t3", "o:b1", "FAIL")])));

        Assert.Equal(committed, await AggregateTables.SnapshotAsync(context.Database));
        await AggregateTables.AssertExactAsync(context.Database);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Writer_closed_before_its_commit_leaves_the_aggregates_of_the_committed_batches(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        var cancellationToken = TestContext.Current.CancellationToken;
        await using (var writer = await context.Store.OpenWriterAsync(cancellationToken))
        {
            await writer.WriteAsync(JsonIngestBatch.From([Committed()]), cancellationToken);
            await writer.CommitAsync(cancellationToken);
        }

        var committed = await AggregateTables.SnapshotAsync(context.Database);
        await using (var writer = await context.Store.OpenWriterAsync(cancellationToken))
        {
            await writer.WriteAsync(JsonIngestBatch.From([Submission("s2", [Build("o:b1", "o:c2")], [Test("o:t2", "o:b1", "PASS")])]), cancellationToken);
            await writer.WriteAsync(JsonIngestBatch.From([Submission("s3", tests: [Test("o:t4", "o:b1", "FAIL")])]), cancellationToken);
        }

        if (kind == DatabaseKind.Sqlite)
        {
            // SQLite's writer holds one transaction over several batches: none of them committed.
            Assert.Equal(committed, await AggregateTables.SnapshotAsync(context.Database));
        }

        await AggregateTables.AssertExactAsync(context.Database);
    }
}
