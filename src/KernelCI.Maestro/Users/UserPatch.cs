using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.Maestro.Users;

internal static class UserPatch
{
    /// <summary>Applies username, email, password, and with <paramref name="groups"/> (admin) also flags and groups.</summary>
    public static async Task<MaestroUser> ApplyAsync(MaestroUser user, JsonObject body, GroupStore? groups, UserStore users, CancellationToken cancellationToken)
    {
        var updated = user;
        if (Text(body, "username") is { } username)
        {
            updated = updated with { Username = username };
        }

        if (Text(body, "email") is { } email)
        {
            updated = updated with { Email = email };
        }

        if (Text(body, "password") is { } password)
        {
            updated = updated with { PasswordHash = PasswordHasher.Hash(password) };
        }

        if (groups is not null)
        {
            updated = updated with
            {
                IsSuperuser = Flag(body, "is_superuser") ?? updated.IsSuperuser,
                IsActive = Flag(body, "is_active") ?? updated.IsActive,
                IsVerified = Flag(body, "is_verified") ?? updated.IsVerified,
            };
            if (body["groups"] is JsonArray list && list.Count > 0)
            {
                var names = list.Select(g => g is JsonObject o ? o["name"]?.ToString() : g?.ToString()).OfType<string>().ToList();
                foreach (var name in names)
                {
                    if (!await groups.ExistsAsync(name, cancellationToken))
                    {
                        throw MaestroException.BadRequest($"User group does not exist with name: {name}");
                    }
                }

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

    private static string? Text(JsonObject body, string field) =>
        body[field] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static bool? Flag(JsonObject body, string field) =>
        body[field] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;
}
