using KernelCI.Data;
using KernelCI.Kcidb.Store;
using KernelCI.Testing;

namespace KernelCI.Kcidb.Tests.Store;

/// <summary>The SQLite file keeps timestamps as integer microseconds; the `*_iso` views present them as upstream's
/// SQLite schema stores them (ISO-8601 text with microseconds), under upstream's column names.</summary>
public sealed class SqliteIsoViewTests
{
    [Theory]
    [InlineData("2021-03-04T05:06:07.1234567891+02:00", "2021-03-04T03:06:07.123456+00:00")]
    [InlineData("2021-03-04T05:06:07Z", "2021-03-04T05:06:07.000000+00:00")]
    [InlineData("1969-12-31T23:59:59.5+00:00", "1969-12-31T23:59:59.500000+00:00")]
    [InlineData("1970-01-01T00:00:00+00:00", "1970-01-01T00:00:00.000000+00:00")]
    public async Task Views_present_timestamps_as_the_normalised_iso_text_submitted(string submitted, string expected)
    {
        await using var context = await StoreContext.CreateAsync(DatabaseKind.Sqlite);
        await context.IngestAsync(KcidbSamples.Submission("s1", $$"""
             "checkouts": [{"id": "o:c", "origin": "o", "start_time": "{{submitted}}", "origin_builds_finish_time": "{{submitted}}"}],
             "builds": [{"id": "o:b", "origin": "o", "checkout_id": "o:c", "start_time": "{{submitted}}"}],
             "tests": [{"id": "o:t", "origin": "o", "build_id": "o:b", "start_time": "{{submitted}}"}]
            """));

        Assert.Equal([expected, expected, ""], await RowAsync(context.Database,
            "SELECT start_time, origin_builds_finish_time, origin_tests_finish_time FROM checkouts_iso"));
        Assert.Equal([expected], await RowAsync(context.Database, "SELECT start_time FROM builds_iso"));
        Assert.Equal([expected], await RowAsync(context.Database, "SELECT start_time FROM tests_iso"));
    }

    [Fact]
    public async Task Views_present_the_server_timestamp_as_iso_text_of_the_ingestion_time()
    {
        await using var context = await StoreContext.CreateAsync(DatabaseKind.Sqlite);
        await context.IngestAsync(KcidbSamples.Everything());

        foreach (var table in (string[])["checkouts", "builds", "tests", "issues", "incidents"])
        {
            Assert.Equal([KcidbTimestamp.Format(context.Time.GetUtcNow().UtcDateTime)], await RowAsync(context.Database, $"SELECT _timestamp FROM {table}_iso"));
        }
    }

    [Fact]
    public async Task Every_column_of_every_table_is_in_its_view_with_nested_fields_under_upstream_dotted_names()
    {
        await using var context = await StoreContext.CreateAsync(DatabaseKind.Sqlite);

        foreach (var table in (string[])["checkouts", "builds", "tests", "issues", "incidents"])
        {
            var columns = await RowsAsync(context.Database, $"SELECT name FROM pragma_table_info('{table}')");
            var view = await RowsAsync(context.Database, $"SELECT name FROM pragma_table_info('{table}_iso')");
            Assert.Equal(columns.Select(Upstream), view);
        }
    }

    [Fact]
    public async Task Upstream_sql_runs_unchanged_once_temp_views_take_the_table_names()
    {
        await using var context = await StoreContext.CreateAsync(DatabaseKind.Sqlite);
        await context.IngestAsync(KcidbSamples.Submission("s1", """
             "tests": [{"id": "o:t", "origin": "o", "build_id": "o:b", "start_time": "2024-05-06T07:08:09+00:00",
                        "environment": {"comment": "qemu"}}]
            """));
        await using var connection = await context.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var create = connection.CreateCommand();
        create.CommandText = "CREATE TEMP VIEW tests AS SELECT * FROM main.tests_iso";
        await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);

        // As written for upstream's SQLite file: text comparison on start_time, dotted nested column.
        await using var query = connection.CreateCommand();
        query.CommandText = """SELECT id, "environment.comment" FROM tests WHERE start_time >= '2024-05-06T00:00:00.000000+00:00'""";
        await using var reader = await query.ExecuteReaderAsync(TestContext.Current.CancellationToken);

        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        Assert.Equal(("o:t", "qemu"), (reader.GetString(0), reader.GetString(1)));
    }

    private static string Upstream(string column) => column switch
    {
        "environment_comment" or "environment_misc" or "environment_compatible" => "environment." + column["environment_".Length..],
        "number_value" or "number_unit" or "number_prefix" => "number." + column["number_".Length..],
        "culprit_code" or "culprit_tool" or "culprit_harness" => "culprit." + column["culprit_".Length..],
        _ => column,
    };

    private static async Task<List<string>> RowAsync(Database database, string sql)
    {
        await using var connection = await database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        return [.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetString(i))];
    }

    private static async Task<List<string>> RowsAsync(Database database, string sql)
    {
        await using var connection = await database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var values = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
