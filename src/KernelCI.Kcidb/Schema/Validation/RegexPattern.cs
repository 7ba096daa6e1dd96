using System.Text.RegularExpressions;

namespace KernelCI.Kcidb.Schema.Validation;

/// <summary>Any other pattern; .NET and Python agree on the constructs the KCIDB schemas use.</summary>
internal sealed class RegexPattern(string source, Regex regex) : StringPattern(source)
{
    public override bool IsMatch(ReadOnlySpan<char> value) => regex.IsMatch(value);
}
