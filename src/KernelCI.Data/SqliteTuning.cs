using System.Data.Common;

namespace KernelCI.Data;

internal static class SqliteTuning
{
    // WAL lets readers run while the ingester writes; NORMAL sync is durable across process crashes in WAL mode,
    // which is the failure the spool protects against. The busy timeout serialises writers instead of failing them.
    private const string Pragmas =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; " +
        "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536; PRAGMA foreign_keys=OFF;";

    public static async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
