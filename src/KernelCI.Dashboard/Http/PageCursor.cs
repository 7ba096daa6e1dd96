using System.Globalization;
using System.Text.Json;

namespace KernelCI.Dashboard.Http;

/// <summary>Where a page ends: the sort value (as text, invariant) and the id of its last item.</summary>
internal sealed record PageCursor(string? Value, string Id)
{
    public string Encode() =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new[] { Value, Id })).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static PageCursor Decode(string text)
    {
        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = JsonSerializer.Deserialize<string?[]>(Convert.FromBase64String(base64));
            if (parts is { Length: 2 } && parts[1] is { } id)
            {
                return new PageCursor(parts[0], id);
            }
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
        }

        throw new BadParameterException("cursor", "is not a cursor this server returned");
    }

    public static string? Text(object? value) => value switch
    {
        null => null,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
