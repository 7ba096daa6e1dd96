using System.Text.Json;
using KernelCI.Kcidb.Schema.Validation;

namespace KernelCI.Kcidb.Schema;

/// <summary>Finds which schema a document claims to follow, as upstream's <c>_get_version()</c> does.</summary>
internal static class VersionReader
{
    private const string Shape = "version: must be an object with an integer \"major\" and an optional integer \"minor\"";

    public static bool TryRead(JsonElement root, out KcidbVersion version, out string? error)
    {
        version = default;
        error = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "version: missing, as the document is not a JSON object";
        }
        else if (!root.TryGetProperty("version", out var field))
        {
            error = "version: missing required field \"version\"";
        }
        else if (field.ValueKind != JsonValueKind.Object
            || !field.TryGetProperty("major", out var major) || !TryInteger(major, out var majorNumber))
        {
            error = Shape;
        }
        else if (field.TryGetProperty("minor", out var minor) && !TryInteger(minor, out _))
        {
            error = Shape;
        }
        else
        {
            var minorNumber = field.TryGetProperty("minor", out minor) ? minor.GetInt32() : 0;
            version = new KcidbVersion(majorNumber, minorNumber);
            if (!KcidbVersion.Supported.Contains(version))
            {
                error = $"version: unsupported version {version} (supported: 3.0, 4.0 to 4.5, 5.0 to 5.3)";
            }
        }

        return error is null;
    }

    // Python's json module makes 5.0 a float, which upstream does not take as a version number.
    private static bool TryInteger(JsonElement value, out int number)
    {
        number = 0;
        return value.ValueKind == JsonValueKind.Number && JsonNumbers.IsIntegerLiteral(value) && value.TryGetInt32(out number);
    }
}
