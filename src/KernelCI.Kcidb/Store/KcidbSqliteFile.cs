using KernelCI.Data;
using KernelCI.ServiceDefaults;
using Microsoft.Data.Sqlite;

namespace KernelCI.Kcidb.Store;

/// <summary>KCIDB's own SQLite file in the data folder, used when the deployment runs on the embedded SQLite default.
/// A SQLite file has one writer at a time: in the shared file, an ingestion transaction of tens of thousands of rows
/// would hold back every small write of Maestro and the pipeline.</summary>
public static class KcidbSqliteFile
{
    public const string FileName = "kcidb.db";

    // KCIDB rows are large (a test carries its path, environment and misc JSON): 16 KiB pages hold more of them per
    // B-tree page and per WAL frame, which cut ingestion CPU by a fifth at store level. The size can only be chosen
    // before the first table exists, which is why the file gets its own.
    public const int PageSize = 16384;

    /// <summary>KCIDB's choice of database for a data folder whose shared SQLite database is <paramref name="shared"/>
    /// (the one entry a host calls): <c>DIR/kcidb.db</c>, created with <see cref="PageSize"/> and readable by its owner
    /// only, or the shared database itself when it already holds KCIDB's tables (a data folder from before KCIDB had
    /// its own file keeps its rows where they are).</summary>
    public static async Task<Database> OpenAsync(string dataDirectory, Database shared, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetFullPath(dataDirectory), FileName);
        if (!File.Exists(path))
        {
            if (await HoldsKcidbAsync(shared, cancellationToken))
            {
                return shared;
            }

            await CreateAsync(path, cancellationToken);
        }

        // Made under another name and renamed into place, so restricted once it is there (its WAL follows its mode).
        DataFolder.RestrictSqliteFiles(path);
        return Database.OpenSqliteFile(path);
    }

    private static async Task<bool> HoldsKcidbAsync(Database shared, CancellationToken cancellationToken)
    {
        await using var connection = await shared.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kcidb_submissions')";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    // Made under a temporary name and renamed, so a crash while creating it never leaves a kcidb.db with default pages.
    private static async Task CreateAsync(string path, CancellationToken cancellationToken)
    {
        var temporary = path + ".new";
        // A crashed attempt may have left its WAL beside it; SQLite would replay it into the new file.
        foreach (var leftover in new[] { temporary, temporary + "-wal", temporary + "-shm" })
        {
            File.Delete(leftover);
        }

        await using (var connection = new SqliteConnection($"Data Source={temporary};Pooling=False"))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // Switching to WAL writes the header, which fixes the page size for the life of the file.
            command.CommandText = $"PRAGMA page_size = {PageSize}; PRAGMA journal_mode = WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        File.Move(temporary, path);
    }
}
