using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KernelCI.Maestro.Users;

/// <summary>The one set of rules for a user's username, email and password, wherever they are set: the invite, the
/// invite's acceptance, PATCH /user/me and the admin's PATCH /user/{id}, and the login form. Every refusal is a 400
/// naming the field.</summary>
internal static partial class UserFields
{
    public const int MaxUsername = 128;
    public const int MaxEmail = 254;
    public const int MaxPassword = 1024;

    public static string Username(string value)
    {
        if (value.Length is 0 or > MaxUsername || value.Trim().Length != value.Length || value.Any(char.IsControl) || !TextInput.IsStorable(value))
        {
            throw MaestroException.BadRequest(
                $"username: must be 1 to {MaxUsername} characters, without control characters or leading or trailing spaces");
        }

        return value;
    }

    public static string GroupName(string value) =>
        value.Length is 0 or > MaxUsername || value.Any(char.IsControl) || !TextInput.IsStorable(value)
            ? throw MaestroException.BadRequest($"name: must be 1 to {MaxUsername} characters, without control characters")
            : value;

    // RFC 5321's 254-character limit on a path; the shape is the usual one (fastapi-users uses pydantic's EmailStr),
    // but a domain without a dot is accepted, since `kernelci users add` gives service accounts `NAME@localhost`.
    public static string Email(string value)
    {
        if (value.Length > MaxEmail || !EmailShape().IsMatch(value) || value.IndexOf('@', StringComparison.Ordinal) > 64)
        {
            throw MaestroException.BadRequest($"email: '{TextInput.Shown(value)}' is not a valid email address (at most {MaxEmail} characters)");
        }

        return value;
    }

    public static string Password(string value) =>
        value.Length is 0 or > MaxPassword || !TextInput.IsStorable(value)
            ? throw MaestroException.BadRequest($"password: must be 1 to {MaxPassword} characters, without U+0000")
            : value;

    /// <summary>The string at <paramref name="field"/>, null when absent; any other JSON type is a 400.</summary>
    public static string? OptionalText(JsonObject body, string field) => body[field] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw MaestroException.BadRequest($"{field}: must be a string"),
    };

    public static string RequiredText(JsonObject body, string field) =>
        OptionalText(body, field) ?? throw MaestroException.BadRequest($"{field}: field required");

    public static bool? OptionalFlag(JsonObject body, string field) => body[field] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        _ => throw MaestroException.BadRequest($"{field}: must be true or false"),
    };

    /// <summary>Group names from a list of names or of `{name}` objects (UserRead's shape), each at most once.</summary>
    public static List<string>? OptionalGroups(JsonObject body)
    {
        if (body["groups"] is null)
        {
            return null;
        }

        if (body["groups"] is not JsonArray list)
        {
            throw MaestroException.BadRequest("groups: must be a list of group names");
        }

        var names = list.Select(g => g switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonObject o when o["name"] is JsonValue n && n.GetValueKind() == JsonValueKind.String => n.GetValue<string>(),
            _ => throw MaestroException.BadRequest("groups: must be a list of group names"),
        }).ToList();
        return names.Distinct(StringComparer.Ordinal).Count() == names.Count
            ? names
            : throw MaestroException.BadRequest("groups: each group may be listed once");
    }

    [GeneratedRegex(@"^[^@\s\p{C}]+@[^@\s\p{C}.]+(\.[^@\s\p{C}.]+)*$")]
    private static partial Regex EmailShape();
}
