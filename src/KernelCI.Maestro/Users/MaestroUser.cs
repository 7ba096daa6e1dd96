using System.Text.Json.Nodes;

namespace KernelCI.Maestro.Users;

internal sealed record MaestroUser(
    string Id, string Username, string Email, string PasswordHash, bool IsActive, bool IsSuperuser, bool IsVerified,
    IReadOnlyList<string> Groups, int TokenVersion)
{
    public bool InGroup(string group) => Groups.Contains(group);

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
