using System.Text.Json.Nodes;

namespace KernelCI.Maestro.Users;

internal static class UserPatch
{
    /// <summary>Applies username, email, password, and with <paramref name="groups"/> (admin) also flags and groups.
    /// Each field is checked by <see cref="UserFields"/>, exactly as when the user was created.</summary>
    public static async Task<MaestroUser> ApplyAsync(MaestroUser user, JsonObject body, GroupStore? groups, UserStore users, CancellationToken cancellationToken)
    {
        var updated = user;
        if (UserFields.OptionalText(body, "username") is { } username)
        {
            updated = updated with { Username = UserFields.Username(username) };
        }

        if (UserFields.OptionalText(body, "email") is { } email)
        {
            updated = updated with { Email = UserFields.Email(email) };
        }

        if (UserFields.OptionalText(body, "password") is { } password)
        {
            updated = updated with { PasswordHash = PasswordHasher.Hash(UserFields.Password(password)) };
        }

        if (groups is not null)
        {
            updated = updated with
            {
                IsSuperuser = UserFields.OptionalFlag(body, "is_superuser") ?? updated.IsSuperuser,
                IsActive = UserFields.OptionalFlag(body, "is_active") ?? updated.IsActive,
                IsVerified = UserFields.OptionalFlag(body, "is_verified") ?? updated.IsVerified,
            };
            // Upstream (inferred from kernelci/kernelci-api:api/main.py, `PATCH /user/{id}`): an empty list leaves the
            // groups as they are.
            if (UserFields.OptionalGroups(body) is { Count: > 0 } names)
            {
                await groups.RequireExistAsync(names, cancellationToken);
                updated = updated with { Groups = names };
            }
        }

        if ((updated.Username != user.Username && await users.ByUsernameAsync(updated.Username, cancellationToken) is not null)
            || (updated.Email != user.Email && await users.FindAsync("email", updated.Email, cancellationToken) is not null))
        {
            throw MaestroException.BadRequest("username or email already in use");
        }

        await users.UpdateAsync(updated, cancellationToken);
        return updated;
    }
}
