using System.CommandLine;
using KernelCI.Data;
using KernelCI.ServiceDefaults;

namespace KernelCI.Host;

/// <summary>The deployment's shared database, as `serve` and the commands run on its data folder open it.</summary>
internal static class DataFolderDatabase
{
    public static Option<string?> Option() => new("--database") { Description = "PostgreSQL connection string (default: SQLite in the data folder)" };

    /// <summary>The named database, or the embedded one, <c>DIR/kernelci.db</c>, made 0600 in a 0700 data folder.</summary>
    public static Database Open(string dataDir, string? connection)
    {
        if (connection is not null)
        {
            return Database.Open(connection);
        }

        var path = Path.Combine(DataFolder.Create(dataDir), "kernelci.db");
        DataFolder.PrepareSqliteFile(path);
        return Database.OpenSqliteFile(path);
    }
}
