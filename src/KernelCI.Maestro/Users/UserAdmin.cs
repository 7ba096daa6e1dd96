using KernelCI.Data;

namespace KernelCI.Maestro.Users;

/// <summary>What `./kernelci users` needs: create the first admin or a service account, and print a token for it.</summary>
public static class UserAdmin
{
    /// <summary>Creates the user (and any missing group); false if the username is taken. A username, group name or
    /// password that the API would refuse is refused here too (<see cref="ArgumentException"/>, naming the field).</summary>
    public static async Task<bool> AddAsync(Database database, string username, bool admin, IReadOnlyList<string> groups, string? password, CancellationToken cancellationToken = default)
    {
        try
        {
            UserFields.Username(username);
            UserFields.Email(username + "@localhost");
            foreach (var group in groups)
            {
                UserFields.GroupName(group);
            }

            if (password is not null)
            {
                UserFields.Password(password);
            }
        }
        catch (MaestroException e)
        {
            throw new ArgumentException(e.Message, e);
        }

        await Migrator.ApplyAsync(database, MaestroMigrations.All, cancellationToken);
        var groupStore = new GroupStore(database, TimeProvider.System);
        foreach (var group in groups)
        {
            await groupStore.CreateAsync(group, cancellationToken);
        }

        var user = new MaestroUser(ObjectIds.New(TimeProvider.System), username, username + "@localhost",
            PasswordHasher.Hash(password ?? Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))),
            true, admin, true, groups, 0);
        return await new UserStore(database).InsertAsync(user, cancellationToken);
    }

    /// <summary>A token for the user, or null if there is no such user.</summary>
    public static async Task<string?> TokenAsync(Database database, string secret, string username, TimeSpan validFor, CancellationToken cancellationToken = default)
    {
        await Migrator.ApplyAsync(database, MaestroMigrations.All, cancellationToken);
        var user = await new UserStore(database).ByUsernameAsync(username, cancellationToken);
        return user is null ? null : UserTokens.Issue(secret, user.Id, user.TokenVersion, DateTimeOffset.UtcNow.Add(validFor));
    }
}
