using System.Text.RegularExpressions;

namespace KernelCI.Kcidb.Schema.Validation;

/// <summary>The inside of a URI's "[...]" host: an IPv6 address or an IPvFuture, per RFC 3986 section 3.2.2.</summary>
internal static class IpLiteral
{
    private const string H = "[0-9A-Fa-f]{1,4}";
    private const string D = "(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)";
    private const string L = $@"(?:{H}:{H}|(?:{D}\.){{3}}{D})";

    // Written from the RFC's ABNF; "v" is lower-case only, as in the rfc3987 package.
    private static readonly Regex Grammar = new(
        $@"^(?:(?:{H}:){{6}}{L}"
        + $@"|::(?:{H}:){{5}}{L}"
        + $@"|(?:{H})?::(?:{H}:){{4}}{L}"
        + $@"|(?:(?:{H}:){{0,1}}{H})?::(?:{H}:){{3}}{L}"
        + $@"|(?:(?:{H}:){{0,2}}{H})?::(?:{H}:){{2}}{L}"
        + $@"|(?:(?:{H}:){{0,3}}{H})?::{H}:{L}"
        + $@"|(?:(?:{H}:){{0,4}}{H})?::{L}"
        + $@"|(?:(?:{H}:){{0,5}}{H})?::{H}"
        + $@"|(?:(?:{H}:){{0,6}}{H})?::"
        + @"|v[0-9A-Fa-f]+\.[A-Za-z0-9\-._~!$&'()*+,;=:]+)\z",
        RegexOptions.CultureInvariant);

    public static bool IsValid(ReadOnlySpan<char> value) => Grammar.IsMatch(value);
}
