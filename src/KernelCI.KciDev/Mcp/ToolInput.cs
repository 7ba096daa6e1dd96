using System.Globalization;

namespace KernelCI.KciDev.Mcp;

/// <summary>Checks of tool arguments that the schema cannot express.</summary>
internal static class ToolInput
{
    /// <summary>A value placed in a URL path (a commit, an id): the dashboard client sends paths unescaped, as kci-dev
    /// does (kci-dev.md §3.1), so a value that could leave its segment is refused.</summary>
    public static string Segment(string argument, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ToolArgumentException(argument, "must not be empty");
        }

        return value.Any(c => c is '/' or '?' or '#' or '%' or '\\' || char.IsWhiteSpace(c) || char.IsControl(c))
            ? throw new ToolArgumentException(argument, $"'{value}' is not an id (it has '/', '?', '#', '%' or spaces)")
            : value;
    }

    public static string Required(string argument, string? value) =>
        string.IsNullOrWhiteSpace(value) ? throw new ToolArgumentException(argument, "must not be empty") : value.Trim();

    public static int Positive(string argument, int value, int max = int.MaxValue) =>
        value < 1 || value > max ? throw new ToolArgumentException(argument, $"must be between 1 and {max}, got {value}") : value;

    /// <summary>A full commit SHA: the servers only ever receive those (kci-dev.md §2.2, "commit resolution").</summary>
    public static string Sha(string argument, string? value)
    {
        var text = Required(argument, value).ToLowerInvariant();
        return text.Length == 40 && text.All(char.IsAsciiHexDigit)
            ? text
            : throw new ToolArgumentException(argument, $"must be a full 40-character commit hash, got '{value}'");
    }

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
