using System.Buffers;

namespace KernelCI.Kcidb.Schema.Validation;

/// <summary>
/// Equivalents, over unescaped UTF-8, of the other patterns the v5.3 schema puts on tests and builds, so that checking
/// them neither decodes the string nor runs a regex. Unescaped JSON text has no control characters, so neither
/// Python's "$ before a final newline" nor NUL can occur; escaped strings still go through the regex.
/// </summary>
internal static class Utf8Patterns
{
    private static readonly SearchValues<byte> OriginBytes = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789_"u8);
    private static readonly SearchValues<byte> PathBytes = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-."u8);
    private static readonly SearchValues<byte> LowerHexBytes = SearchValues.Create("0123456789abcdef"u8);

    /// <summary>The UTF-8 check for a pattern's source, or null when only the regex knows it.</summary>
    public static Func<ReadOnlySpan<byte>, bool>? For(string source) => source switch
    {
        "^[a-z0-9_]+$" => static utf8 => utf8.Length > 0 && !utf8.ContainsAnyExcept(OriginBytes),
        "^[a-z0-9_]*$" => static utf8 => !utf8.ContainsAnyExcept(OriginBytes),
        @"^([a-zA-Z0-9_-]+(\.[a-zA-Z0-9_-]+)*)?$" => IsDottedPath,
        // A comma is itself one of [^ \0], so the pattern asks for a non-empty string without a space.
        @"^[^ \0]+(,[^ \0]+)*$" => static utf8 => utf8.Length > 0 && !utf8.Contains((byte)' '),
        @"^[^/\0]+$" => static utf8 => utf8.Length > 0 && !utf8.Contains((byte)'/'),
        "^[0-9a-f]{40}$" => static utf8 => utf8.Length == 40 && !utf8.ContainsAnyExcept(LowerHexBytes),
        "^$|^[0-9a-f]{64}$" => static utf8 => utf8.Length == 0 || (utf8.Length == 64 && !utf8.ContainsAnyExcept(LowerHexBytes)),
        @"^https://[^\0]*$" => static utf8 => utf8.StartsWith("https://"u8),
        _ => null,
    };

    // Empty, or non-empty names of [a-zA-Z0-9_-] joined by single dots.
    private static bool IsDottedPath(ReadOnlySpan<byte> utf8) =>
        utf8.Length == 0
        || (!utf8.ContainsAnyExcept(PathBytes) && utf8[0] != (byte)'.' && utf8[^1] != (byte)'.' && utf8.IndexOf(".."u8) < 0);
}
