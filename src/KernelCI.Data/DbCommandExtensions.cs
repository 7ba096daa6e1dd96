using System.Data.Common;

namespace KernelCI.Data;

public static class DbCommandExtensions
{
    public static DbParameter AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>A command on <paramref name="connection"/> with its parameters, so that a store reads as its SQL.</summary>
    public static DbCommand CreateCommand(this DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.AddParameter(name, value);
        }

        return command;
    }

    /// <summary>Runs one statement on a connection of its own; returns the rows it changed.</summary>
    public static async Task<int> ExecuteAsync(this Database database, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
