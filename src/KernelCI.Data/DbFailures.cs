using System.Data.Common;

namespace KernelCI.Data;

/// <summary>Which database failures say nothing about the work itself: the database was busy (SQLite's lock, a
/// PostgreSQL serialization failure or deadlock) or could not be reached. The same work retried later succeeds.</summary>
public static class DbFailures
{
    public static bool IsBusyOrUnreachable(Exception e) => e switch
    {
        Npgsql.PostgresException pg => pg.IsTransient || pg.SqlState.StartsWith("08", StringComparison.Ordinal),
        Npgsql.NpgsqlException { InnerException: IOException or System.Net.Sockets.SocketException or TimeoutException } => true,
        // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_FULL.
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.IsTransient || sqlite.SqliteErrorCode is 5 or 6 or 10 or 13,
        DbException db => db.IsTransient,
        _ => false,
    };
}
