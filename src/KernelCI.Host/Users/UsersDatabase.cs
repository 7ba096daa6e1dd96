using System.CommandLine;
using KernelCI.Data;
using KernelCI.ServiceDefaults;

namespace KernelCI.Host.Users;

internal static class UsersDatabase
{
    public static Option<string?> Option() => new("--database") { Description = "PostgreSQL connection string (default: SQLite in the data folder)" };

    /// <summary>The same database `serve` uses for these options; the embedded one is made 0600 in a 0700 data folder.</summary>
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
