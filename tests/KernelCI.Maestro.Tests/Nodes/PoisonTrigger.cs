using KernelCI.Data;

namespace KernelCI.Maestro.Tests.Nodes;

/// <summary>Makes the database itself refuse some node inserts, as a constraint or a failing disk would, so that tests
/// see what a failed group write does to the requests in it.</summary>
internal static class PoisonTrigger
{
    public const string Message = "poisoned node refused";

    public static async Task InstallAsync(Database database, string namePattern)
    {
        var sql = database.Kind == DatabaseKind.PostgreSql
            ? $"""
              CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN IF NEW.name LIKE '{namePattern}' THEN RAISE EXCEPTION '{Message}'; END IF; RETURN NEW; END $$;
              CREATE TRIGGER poison BEFORE INSERT ON maestro_nodes FOR EACH ROW EXECUTE FUNCTION poison();
              """
            : $"CREATE TRIGGER poison BEFORE INSERT ON maestro_nodes WHEN NEW.name LIKE '{namePattern}' BEGIN SELECT RAISE(ABORT, '{Message}'); END;";
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public static async Task RemoveAsync(Database database)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = database.Kind == DatabaseKind.PostgreSql ? "DROP TRIGGER poison ON maestro_nodes" : "DROP TRIGGER poison";
        await command.ExecuteNonQueryAsync();
    }
}
