using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KernelCI.Kcidb.Queries;

/// <summary>Where the next page starts: the last item's sort key. Opaque to clients (base64url JSON).</summary>
internal sealed record PageCursor(
    [property: JsonPropertyName("t")] string? StartTime,
    [property: JsonPropertyName("i")] string Id,
    [property: JsonPropertyName("v")] long Version)
{
    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this));

    public static PageCursor? TryDecode(string text)
    {
        try
        {
            var cursor = JsonSerializer.Deserialize<PageCursor>(Base64Url.DecodeFromChars(text));
            return cursor is { Id: not null } && !cursor.Id.Contains('\0', StringComparison.Ordinal) && (cursor.StartTime is null || IsTimestamp(cursor.StartTime)) ? cursor : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private static bool IsTimestamp(string text) =>
        DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _) && Encoding.UTF8.GetByteCount(text) < 64;
}
