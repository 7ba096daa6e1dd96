using System.Text.Json;

namespace KernelCI.ServiceDefaults.Jwt;

public sealed record JwtValidation(bool IsValid, JsonElement Claims, string? Error)
{
    public static JwtValidation Ok(JsonElement claims) => new(true, claims, null);

    public static JwtValidation Fail(string error) => new(false, default, error);

    public string? GetString(string claim) =>
        IsValid && Claims.TryGetProperty(claim, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public bool GetBoolean(string claim) =>
        IsValid && Claims.TryGetProperty(claim, out var value) && value.ValueKind == JsonValueKind.True;
}
