using System.Data.Common;
using System.Text.Json;
using KernelCI.Data;

namespace KernelCI.Maestro.Users;

/// <summary>The maestro_users table. Changes drop the user from this replica's <see cref="UserCache"/>; the CLI,
/// which serves no requests, has none.</summary>
internal sealed class UserStore(Database database, UserCache? cache = null)
{
    private const string Columns = "id, username, email, password_hash, is_active, is_superuser, is_verified, groups, token_version";

    // Every name the account has held (docs/maestro.md "Users"), as a JSON array, read with the user.
    private string Names => $"(SELECT {SqlDialect.For(database.Kind).JsonArrayText("n.name")} FROM maestro_usernames n WHERE n.user_id = maestro_users.id)";

    public async Task<MaestroUser?> FindAsync(string column, string value, CancellationToken cancellationToken)
    {
        await using var connection = await Sql.OpenAsync(database, cancellationToken);
        await using var command = Sql.Command(connection, null, $"SELECT {Columns}, {Names} FROM maestro_users WHERE {column} = @v", ("v", value));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public Task<MaestroUser?> ByIdAsync(string id, CancellationToken cancellationToken) => FindAsync("id", id, cancellationToken);

    public Task<MaestroUser?> ByUsernameAsync(string username, CancellationToken cancellationToken) => FindAsync("username", username, cancellationToken);

    public async Task<List<MaestroUser>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Sql.OpenAsync(database, cancellationToken);
        await using var command = Sql.Command(connection, null, $"SELECT {Columns}, {Names} FROM maestro_users ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<MaestroUser>();
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(Read(reader));
        }

        return users;
    }

    /// <summary>False if the username is held or was ever held by any account, or the email is in use. Concurrent
    /// inserts of one name race on the name's primary key, so exactly one wins and the others get false.</summary>
    public async Task<bool> InsertAsync(MaestroUser user, CancellationToken cancellationToken)
    {
        await using var connection = await Sql.OpenAsync(database, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await ClaimAsync(connection, transaction, user, cancellationToken))
        {
            return false;
        }

        await using var command = Sql.Command(connection, transaction,
            $"INSERT INTO maestro_users ({Columns}) VALUES (@id, @username, @email, @hash, @active, @super, @verified, @groups, @ver) ON CONFLICT DO NOTHING",
            Parameters(user));
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Saves the user. A new username must never have been held by another account (400 otherwise); the
    /// old one stays this account's, and its subscriptions follow the new name (the owner filter of /listen).</summary>
    public async Task UpdateAsync(MaestroUser user, CancellationToken cancellationToken)
    {
        await using var connection = await Sql.OpenAsync(database, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await ClaimAsync(connection, transaction, user, cancellationToken))
        {
            throw MaestroException.BadRequest($"username or email already in use: '{user.Username}' is, or was, another account's name, or the email is taken");
        }

        await using (var command = Sql.Command(connection, transaction,
            "UPDATE maestro_users SET username = @username, email = @email, password_hash = @hash, is_active = @active, is_superuser = @super, " +
            "is_verified = @verified, groups = @groups, token_version = @ver WHERE id = @id", Parameters(user)))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var subscriptions = Sql.Command(connection, transaction,
            "UPDATE maestro_subscriptions SET username = @username WHERE user_id = @id AND username <> @username", ("username", user.Username), ("id", user.Id)))
        {
            await subscriptions.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        cache?.Forget(user.Id);
    }

    /// <summary>Deletes the user and its subscriptions; its names stay reserved, so nobody inherits its nodes.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await Sql.OpenAsync(database, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = Sql.Command(connection, transaction, "DELETE FROM maestro_users WHERE id = @id", ("id", id));
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        await using var subscriptions = Sql.Command(connection, transaction, "DELETE FROM maestro_subscriptions WHERE user_id = @id", ("id", id));
        await subscriptions.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        cache?.Forget(id);
        return deleted;
    }

    // Takes the user's name for it (a no-op for a name it already holds) and checks that the email is nobody else's.
    // The name's primary key decides races: a concurrent claim of one name waits for the first and then finds it.
    private static async Task<bool> ClaimAsync(DbConnection connection, DbTransaction transaction, MaestroUser user, CancellationToken cancellationToken)
    {
        await using (var claim = Sql.Command(connection, transaction,
            "INSERT INTO maestro_usernames (name, user_id) VALUES (@name, @id) ON CONFLICT DO NOTHING", ("name", user.Username), ("id", user.Id)))
        {
            if (await claim.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                await using var holder = Sql.Command(connection, transaction, "SELECT user_id FROM maestro_usernames WHERE name = @name", ("name", user.Username));
                if (await holder.ExecuteScalarAsync(cancellationToken) as string != user.Id)
                {
                    return false;
                }
            }
        }

        await using var email = Sql.Command(connection, transaction, "SELECT 1 FROM maestro_users WHERE email = @email AND id <> @id", ("email", user.Email), ("id", user.Id));
        return await email.ExecuteScalarAsync(cancellationToken) is null;
    }

    private static (string, object?)[] Parameters(MaestroUser u) =>
    [
        ("id", u.Id), ("username", u.Username), ("email", u.Email), ("hash", u.PasswordHash), ("active", u.IsActive),
        ("super", u.IsSuperuser), ("verified", u.IsVerified), ("groups", JsonSerializer.Serialize(u.Groups, MaestroJsonContext.Default.IReadOnlyListString)),
        ("ver", (long)u.TokenVersion),
    ];

    private static MaestroUser Read(DbDataReader r)
    {
        var username = r.GetString(1);
        var names = JsonSerializer.Deserialize(r.GetString(9), MaestroJsonContext.Default.IReadOnlyListString) ?? [];
        return new MaestroUser(
            r.GetString(0), username, r.GetString(2), r.GetString(3), r.GetBoolean(4), r.GetBoolean(5), r.GetBoolean(6),
            JsonSerializer.Deserialize(r.GetString(7), MaestroJsonContext.Default.IReadOnlyListString) ?? [], r.GetInt32(8))
        {
            FormerNames = names.Where(n => n != username).ToList(),
        };
    }
}
