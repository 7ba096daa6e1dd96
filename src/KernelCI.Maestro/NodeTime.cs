using System.Globalization;

namespace KernelCI.Maestro;

/// <summary>Upstream's datetimes: naive UTC ISO strings (`2024-01-14T08:15:42.454000`). The fixed width also sorts as text.</summary>
internal static class NodeTime
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff";

    public static string Render(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Python's fromisoformat: naive times are UTC, aware ones are converted.</summary>
    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        var normalised = text.Trim().Replace(' ', 'T');
        if (!DateTimeOffset.TryParse(normalised, CultureInfo.InvariantCulture, styles, out time))
        {
            return false;
        }

        return normalised.Length >= 10 && char.IsDigit(normalised[0]);
    }

    public static string Normalise(string text, string field) => TryParse(text, out var time)
        ? Render(time)
        : throw MaestroException.BadRequest($"{field}: invalid datetime '{text}'");
}
