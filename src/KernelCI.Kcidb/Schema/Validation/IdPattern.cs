namespace KernelCI.Kcidb.Schema.Validation;

/// <summary><c>^[a-z0-9_]+:[^\0]*$</c>: an object ID, an origin then a colon, with no NUL.</summary>
internal sealed class IdPattern() : StringPattern(Expression)
{
    public const string Expression = @"^[a-z0-9_]+:[^\0]*$";

    public override bool? TryMatchUtf8(ReadOnlySpan<byte> utf8)
    {
        var origin = utf8.IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyz0123456789_"u8);
        return origin > 0 && utf8[origin] == (byte)':';
    }

    public override bool IsMatch(ReadOnlySpan<char> value)
    {
        var origin = value.IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyz0123456789_");
        return origin > 0 && value[origin] == ':' && !value[origin..].Contains('\0');
    }
}
