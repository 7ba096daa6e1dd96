using KernelCI.Dashboard.Data;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Data;

public sealed class DashboardDbTests
{
    [Fact]
    public async Task Dashboard_reads_postgresql_with_jit_off_on_every_pooled_session()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.PostgreSql);
        await using var db = new DashboardDb(database.Database);

        // Twice: the second connection is the first one back from the pool, after its reset (DISCARD ALL).
        Assert.Equal("off", await ShowJitAsync(db));
        Assert.Equal("off", await ShowJitAsync(db));
        await using var shared = await database.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = shared.CreateCommand();
        command.CommandText = "SHOW jit";
        Assert.Equal("on", (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<string?> ShowJitAsync(DashboardDb db)
    {
        await using var connection = await db.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SHOW jit";
        return (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
