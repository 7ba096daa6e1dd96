using System.Buffers;

namespace KernelCI.Kcidb.Schema.Validation;

/// <summary><c>^[a-z0-9_]+:[^\0]*$</c>: an object ID, an origin then a colon, with no NUL.</summary>
internal sealed class IdPattern() : StringPattern(Expression)
{
    public const string Expression = @"^[a-z0-9_]+:[^\0]*$";

    // Built once: a search for a literal set of values would build its lookup state again on every id.
    private static readonly SearchValues<byte> OriginBytes = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789_"u8);
    private static readonly SearchValues<char> OriginChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789_");

    public override bool? TryMatchUtf8(ReadOnlySpan<byte> utf8)
    {
        var origin = utf8.IndexOfAnyExcept(OriginBytes);
        return origin > 0 && utf8[origin] == (byte)':';
    }

    public override bool IsMatch(ReadOnlySpan<char> value)
    {
        var origin = value.IndexOfAnyExcept(OriginChars);
        return origin > 0 && value[origin] == ':' && !value[origin..].Contains('\0');
    }
}
