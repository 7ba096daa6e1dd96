namespace KernelCI.Kcidb.Schema.Validation;

/// <summary><c>^[^\0]*$</c>: the string has no NUL character.</summary>
internal sealed class NoNulPattern() : StringPattern(Expression)
{
    public const string Expression = @"^[^\0]*$";

    // JSON can only carry a NUL as an escape, so unescaped text never has one.
    public override bool? TryMatchUtf8(ReadOnlySpan<byte> utf8) => true;

    public override bool IsMatch(ReadOnlySpan<char> value) => !value.Contains('\0');
}
