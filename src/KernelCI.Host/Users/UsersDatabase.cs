using System.CommandLine;
using KernelCI.Data;

namespace KernelCI.Host.Users;

internal static class UsersDatabase
{
    public static Option<string?> Option() => new("--database") { Description = "PostgreSQL connection string (default: SQLite in the data folder)" };

    /// <summary>The same database `serve` uses for these options.</summary>
    public static Database Open(string dataDir, string? connection)
    {
        Directory.CreateDirectory(dataDir);
        return connection is null ? Database.OpenSqliteFile(Path.Combine(dataDir, "kernelci.db")) : Database.Open(connection);
    }
}
