using KernelCI.Data;
using KernelCI.Kcidb.Aggregates;
using KernelCI.Kcidb.Tests.Store;

namespace KernelCI.Kcidb.Tests.Aggregates;

/// <summary>The issue aggregates' upkeep costs what the batch touched, not the size of the database: on SQLite every
/// statement scans only the batch's ids and the capture tables, and reaches every stored table by an index
/// (docs/dashboard-api.md, "Aggregates").</summary>
public sealed class IssueAggregatePlanTests
{
    // json_each of the batch's ids, the capture tables, and the aliases the upkeep gives them and what it derives from
    // them (a: the batch's issues, v: their versions, cb: the changed builds).
    private static readonly string[] Scannable = ["j", "o", "oc", "cb", "a", "v", "kcidb_agg_issues", "kcidb_agg_old_builds", "kcidb_agg_old_checkouts"];

    [Fact]
    public async Task Sqlite_issue_upkeep_scans_only_the_batch_and_its_capture()
    {
        await using var context = await StoreContext.CreateAsync(DatabaseKind.Sqlite);
        await using var connection = await context.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = SqliteAggregateCapture.CreateSql + IssueAggregate.CreateSql(DatabaseKind.Sqlite);
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var statements = (IssueAggregate.SqliteBeforeSql + "\n" + IssueAggregate.SqliteAfterSql)
            .Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(statements.Length >= 8);
        foreach (var statement in statements)
        {
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + statement;
            foreach (var name in new[] { "@incidents", "@checkouts", "@tests" })
            {
                var parameter = explain.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = "[]";
                explain.Parameters.Add(parameter);
            }

            await using var reader = await explain.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                var detail = reader.GetString(3);
                if (detail.StartsWith("SCAN ", StringComparison.Ordinal))
                {
                    Assert.True(Scannable.Contains(detail[5..].Split(' ')[0]), $"{detail} in:\n{statement}");
                }
            }
        }
    }
}
