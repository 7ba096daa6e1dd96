using System.Data.Common;
using KernelCI.Data;

namespace KernelCI.Maestro;

/// <summary>Runs a read whose statement matches a client's regular expression. On PostgreSQL `~` is evaluated by its
/// own engine, which refuses some patterns .NET accepts (2201B) and takes seconds per row on others (measured:
/// `(.*){1,255}(.*){1,255}b` on a 50,000-character value, 4.7 s): the statement runs in a transaction with
/// `SET LOCAL statement_timeout` (<see cref="MaestroOptions.PatternTimeout"/>), and both refusals are a 400 naming the
/// parameter. On SQLite, REGEXP is <see cref="FilterPattern.SqliteRegexp"/>, linear in its input.</summary>
internal static class PatternQuery
{
    public static async Task<T> RunAsync<T>(DbConnection connection, DatabaseKind kind, string? patternParameter, TimeSpan timeout,
        Func<DbTransaction?, Task<T>> read, CancellationToken cancellationToken)
    {
        if (patternParameter is null || kind != DatabaseKind.PostgreSql)
        {
            return await read(null);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var limit = Sql.Command(connection, transaction, $"SET LOCAL statement_timeout = {Math.Max(1, (long)timeout.TotalMilliseconds)}"))
        {
            await limit.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            var result = await read(transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (DbException e) when (e.SqlState == "2201B" && !cancellationToken.IsCancellationRequested)
        {
            throw MaestroException.BadRequest($"{patternParameter}: regular expression refused by PostgreSQL: {e.Message}");
        }
        catch (DbException e) when (e.SqlState == "57014" && !cancellationToken.IsCancellationRequested)
        {
            throw MaestroException.BadRequest(
                $"{patternParameter}: matching the regular expression took longer than {timeout.TotalSeconds} s; use a simpler or more selective filter");
        }
    }
}
