using System.Text.RegularExpressions;

namespace KernelCI.Kcidb.Schema.Validation;

/// <summary>Any other pattern; .NET and Python agree on the constructs the KCIDB schemas use.</summary>
internal sealed class RegexPattern(string source, Regex regex, Func<ReadOnlySpan<byte>, bool>? utf8Check = null) : StringPattern(source)
{
    public override bool? TryMatchUtf8(ReadOnlySpan<byte> utf8) => utf8Check?.Invoke(utf8);

    public override bool IsMatch(ReadOnlySpan<char> value) => regex.IsMatch(value);
}
