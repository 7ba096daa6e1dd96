using KernelCI.Data;
using KernelCI.Kcidb.Store;
using KernelCI.Testing;
using Npgsql;

namespace KernelCI.Kcidb.Tests.Store;

public sealed class SchemaTests
{
    [Fact]
    public async Task PostgreSql_schema_has_upstreams_version_functions_and_indexes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.PostgreSql);
        await Migrator.ApplyAsync(database.Database, KcidbMigrations.All, TestContext.Current.CancellationToken);
        var cancellation = TestContext.Current.CancellationToken;

        Assert.Equal(5003, await ScalarAsync<int>(database, "SELECT get_version()"));
        // Upstream's function writes lowercase hex (PostgreSQL's encode), kept as is.
        Assert.Equal("a%20b%2f%c3%a9", await ScalarAsync<string>(database, "SELECT encode_uri_component('a b/é')"));
        Assert.Equal(1, await ScalarAsync<int>(database, "SELECT first(x ORDER BY x) FROM (VALUES (2), (1)) AS v(x)"));
        Assert.Equal(2, await ScalarAsync<int>(database, "SELECT last(x ORDER BY x) FROM (VALUES (2), (1)) AS v(x)"));
        Assert.Equal("PASS", await ScalarAsync<string>(database, "SELECT 'PASS'::STATUS::TEXT"));
        Assert.Equal("binary", await ScalarAsync<string>(database, "SELECT 'binary'::UNIT_PREFIX::TEXT"));
        string[] upstream =
        [
            "checkouts__timestamp", "builds__timestamp", "tests__timestamp", "issues__timestamp", "incidents__timestamp",
            "checkouts_git_commit_hash_patchset_hash", "checkouts_git_commit_tags", "checkouts_origin_tests_finish_time",
            "builds_checkout_id", "builds_compiler", "builds_status", "tests_build_id", "tests_environment_compatible",
            "tests_number_unit", "issues_categories", "issues_culprit_harness", "incidents_issue_version", "incidents_present",
        ];
        await using var command = database.Database.PostgreSql.CreateCommand("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'");
        var names = new HashSet<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellation))
        {
            while (await reader.ReadAsync(cancellation))
            {
                names.Add(reader.GetString(0));
            }
        }

        Assert.All(upstream, name => Assert.Contains(name, names));
        Assert.Equal(0, await ScalarAsync<long>(database,
            "SELECT COUNT(*) FROM information_schema.table_constraints WHERE constraint_type = 'FOREIGN KEY'"));
    }

    private static async Task<T> ScalarAsync<T>(TestDatabase database, string sql)
    {
        await using var command = database.Database.PostgreSql.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
