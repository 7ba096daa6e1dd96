using KernelCI.Data;

namespace KernelCI.Maestro.Users;

internal sealed class GroupStore(Database database, TimeProvider time)
{
    public async Task<List<(string Id, string Name)>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Sql.OpenAsync(database, cancellationToken);
        await using var command = Sql.Command(connection, null, "SELECT id, name FROM maestro_groups ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var groups = new List<(string, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            groups.Add((reader.GetString(0), reader.GetString(1)));
        }

        return groups;
    }

    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).Any(g => g.Name == name);

    /// <summary>Refuses with upstream's 400 the first of <paramref name="names"/> that is not a group.</summary>
    public async Task RequireExistAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        if (names.Count == 0)
        {
            return;
        }

        var existing = (await ListAsync(cancellationToken)).Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        if (names.FirstOrDefault(n => !existing.Contains(n)) is { } missing)
        {
            throw MaestroException.BadRequest($"User group does not exist with name: {TextInput.Shown(missing)}");
        }
    }

    /// <summary>The new group's id, or null if the name exists (concurrent creates of one name: one wins).</summary>
    public async Task<string?> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var id = ObjectIds.New(time);
        await using var connection = await Sql.OpenAsync(database, cancellationToken);
        await using var command = Sql.Command(connection, null, "INSERT INTO maestro_groups (id, name) VALUES (@id, @name) ON CONFLICT DO NOTHING", ("id", id), ("name", name));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0 ? id : null;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await Sql.OpenAsync(database, cancellationToken);
        await using var command = Sql.Command(connection, null, "DELETE FROM maestro_groups WHERE id = @id", ("id", id));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
