using System.Data.Common;

namespace KernelCI.Kcidb.Queries;

internal static class QueryRunner
{
    public static async Task ReadAsync(
        DbConnection connection, string text, Action<DbCommand> bind, Action<DbDataReader> onRow, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = text;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            onRow(reader);
        }
    }
}
