using System.Data.Common;
using System.Text.Json;
using KernelCI.Data;

namespace KernelCI.Maestro.Users;

/// <summary>The maestro_users table. Changes drop the user from this replica's <see cref="UserCache"/>; the CLI,
/// which serves no requests, has none.</summary>
internal sealed class UserStore(Database database, UserCache? cache = null)
{
    private const string Columns = "id, username, email, password_hash, is_active, is_superuser, is_verified, groups, token_version";

    public async Task<MaestroUser?> FindAsync(string column, string value, CancellationToken cancellationToken)
    {
        await using var connection = await Sql.OpenAsync(database, cancellationToken);
        await using var command = Sql.Command(connection, null, $"SELECT {Columns} FROM maestro_users WHERE {column} = @v", ("v", value));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public Task<MaestroUser?> ByIdAsync(string id, CancellationToken cancellationToken) => FindAsync("id", id, cancellationToken);

    public Task<MaestroUser?> ByUsernameAsync(string username, CancellationToken cancellationToken) => FindAsync("username", username, cancellationToken);

    public async Task<List<MaestroUser>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Sql.OpenAsync(database, cancellationToken);
        await using var command = Sql.Command(connection, null, $"SELECT {Columns} FROM maestro_users ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<MaestroUser>();
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(Read(reader));
        }

        return users;
    }

    public async Task<bool> InsertAsync(MaestroUser user, CancellationToken cancellationToken)
    {
        await using var connection = await Sql.OpenAsync(database, cancellationToken);
        await using var exists = Sql.Command(connection, null, "SELECT 1 FROM maestro_users WHERE username = @u OR email = @e", ("u", user.Username), ("e", user.Email));
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return false;
        }

        await using var command = Sql.Command(connection, null,
            $"INSERT INTO maestro_users ({Columns}) VALUES (@id, @username, @email, @hash, @active, @super, @verified, @groups, @ver)",
            Parameters(user));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    public async Task UpdateAsync(MaestroUser user, CancellationToken cancellationToken)
    {
        await using var connection = await Sql.OpenAsync(database, cancellationToken);
        await using var command = Sql.Command(connection, null,
            "UPDATE maestro_users SET username = @username, email = @email, password_hash = @hash, is_active = @active, is_superuser = @super, " +
            "is_verified = @verified, groups = @groups, token_version = @ver WHERE id = @id", Parameters(user));
        await command.ExecuteNonQueryAsync(cancellationToken);
        cache?.Forget(user.Id);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await Sql.OpenAsync(database, cancellationToken);
        await using var command = Sql.Command(connection, null, "DELETE FROM maestro_users WHERE id = @id", ("id", id));
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        cache?.Forget(id);
        return deleted;
    }

    private static (string, object?)[] Parameters(MaestroUser u) =>
    [
        ("id", u.Id), ("username", u.Username), ("email", u.Email), ("hash", u.PasswordHash), ("active", u.IsActive),
        ("super", u.IsSuperuser), ("verified", u.IsVerified), ("groups", JsonSerializer.Serialize(u.Groups, MaestroJsonContext.Default.IReadOnlyListString)),
        ("ver", (long)u.TokenVersion),
    ];

    private static MaestroUser Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetBoolean(4), r.GetBoolean(5), r.GetBoolean(6),
        JsonSerializer.Deserialize(r.GetString(7), MaestroJsonContext.Default.IReadOnlyListString) ?? [], r.GetInt32(8));
}
