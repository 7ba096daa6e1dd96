using System.Text.Json.Nodes;
using KernelCI.Maestro.Users.Auth;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Maestro.Users;

internal sealed record MaestroUser(
    string Id, string Username, string Email, string PasswordHash, bool IsActive, bool IsSuperuser, bool IsVerified,
    IReadOnlyList<string> Groups, int TokenVersion)
{
    /// <summary>Names this account held before its current one. Names are never given to another account
    /// (docs/maestro.md "Users"), so nodes owned under them are still this account's.</summary>
    public IReadOnlyList<string> FormerNames { get; init; } = [];

    /// <summary>Binds a handler's user parameter to the caller the route group's policy signed in (null when anonymous,
    /// which only the optional policy lets through).</summary>
    public static ValueTask<MaestroUser?> BindAsync(HttpContext http) =>
        ValueTask.FromResult((http.User.Identity as MaestroIdentity)?.User);

    public bool InGroup(string group) => Groups.Contains(group);

    /// <summary>Whether an owner string (of a node) names this account.</summary>
    public bool Holds(string? name) => name is not null && (name == Username || FormerNames.Contains(name));

    /// <summary>UserRead: upstream's public shape, without the password hash.</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["email"] = Email,
        ["is_active"] = IsActive,
        ["is_superuser"] = IsSuperuser,
        ["is_verified"] = IsVerified,
        ["username"] = Username,
        ["groups"] = new JsonArray(Groups.Select(g => (JsonNode)new JsonObject { ["name"] = g }).ToArray()),
    };
}
