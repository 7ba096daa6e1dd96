using KernelCI.Data;
using KernelCI.Kcidb.Store;
using KernelCI.Testing;

namespace KernelCI.Kcidb.Tests.Store;

/// <summary>The SQLite tests index by path is the costliest to write, so it holds no id; the list by path must still
/// read it newest first rather than sort a path's every test.</summary>
public sealed class SqlitePathIndexTests
{
    private const string PathList =
        "SELECT id FROM tests WHERE path = 'boot' AND start_time <= 5 AND (start_time < 5 OR id > 'x') ORDER BY start_time DESC, id LIMIT 51";

    [Fact]
    public async Task Path_index_holds_path_and_start_time_only()
    {
        await using var context = await StoreContext.CreateAsync(DatabaseKind.Sqlite);

        Assert.Equal(["path", "start_time"], await ReadAsync(context.Database, "SELECT name FROM pragma_index_info('tests_path_start_time') ORDER BY seqno"));
    }

    [Fact]
    public async Task Path_list_seeks_the_path_index_and_sorts_only_ties_on_start_time()
    {
        await using var context = await StoreContext.CreateAsync(DatabaseKind.Sqlite);

        var plan = string.Join("\n", await ReadAsync(context.Database, "EXPLAIN QUERY PLAN " + PathList, column: 3));

        Assert.Contains("SEARCH tests USING INDEX tests_path_start_time (path=? AND start_time<?)", plan, StringComparison.Ordinal);
        // Only the last ORDER BY term (id, for ties on start_time) is sorted; "FOR ORDER BY" would sort every match.
        Assert.Contains("USE TEMP B-TREE FOR LAST TERM OF ORDER BY", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migration_from_the_first_schema_replaces_the_path_index()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await Migrator.ApplyAsync(database.Database, KcidbMigrations.All.Where(m => m.Version == 1), TestContext.Current.CancellationToken);
        Assert.Contains("id", await ReadAsync(database.Database, "SELECT name FROM pragma_index_info('tests_path_start_time')"));

        await Migrator.ApplyAsync(database.Database, KcidbMigrations.All, TestContext.Current.CancellationToken);

        Assert.DoesNotContain("id", await ReadAsync(database.Database, "SELECT name FROM pragma_index_info('tests_path_start_time')"));
    }

    private static async Task<List<string>> ReadAsync(Database database, string sql, int column = 0)
    {
        await using var connection = await database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var values = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            values.Add(reader.GetValue(column).ToString()!);
        }

        return values;
    }
}
