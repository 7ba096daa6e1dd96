using System.Buffers;

namespace KernelCI.Kcidb.Schema.Validation;

/// <summary>An absolute RFC 3986 URI (the grammar's "URI" rule), as the rfc3987 package checks it.</summary>
internal static class AbsoluteUriFormat
{
    private static readonly SearchValues<char> SchemeChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");
    private static readonly SearchValues<char> RegNameChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=%");
    private static readonly SearchValues<char> UserInfoChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=%:");
    private static readonly SearchValues<char> PathChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=%:@/");
    private static readonly SearchValues<char> QueryChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=%:@/?");

    public static bool IsValid(ReadOnlySpan<char> value)
    {
        value = PythonRegex.TrimFinalNewline(value);
        var colon = value.IndexOf(':');
        if (colon < 1 || !char.IsAsciiLetter(value[0]) || value[..colon].ContainsAnyExcept(SchemeChars))
        {
            return false;
        }

        var rest = value[(colon + 1)..];
        var hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            if (!IsMadeOf(rest[(hash + 1)..], QueryChars))
            {
                return false;
            }

            rest = rest[..hash];
        }

        var question = rest.IndexOf('?');
        if (question >= 0)
        {
            if (!IsMadeOf(rest[(question + 1)..], QueryChars))
            {
                return false;
            }

            rest = rest[..question];
        }

        if (!rest.StartsWith("//"))
        {
            return IsMadeOf(rest, PathChars);
        }

        var authority = rest[2..];
        var slash = authority.IndexOf('/');
        return slash < 0 ? IsAuthority(authority) : IsAuthority(authority[..slash]) && IsMadeOf(authority[slash..], PathChars);
    }

    private static bool IsAuthority(ReadOnlySpan<char> authority)
    {
        var at = authority.IndexOf('@');
        if (at >= 0)
        {
            if (!IsMadeOf(authority[..at], UserInfoChars))
            {
                return false;
            }

            authority = authority[(at + 1)..];
        }

        ReadOnlySpan<char> port;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            if (close < 0 || !IpLiteral.IsValid(authority[1..close]))
            {
                return false;
            }

            port = authority[(close + 1)..];
        }
        else
        {
            var portColon = authority.IndexOf(':');
            var host = portColon < 0 ? authority : authority[..portColon];
            if (!IsMadeOf(host, RegNameChars))
            {
                return false;
            }

            port = portColon < 0 ? [] : authority[portColon..];
        }

        return port.IsEmpty || (port[0] == ':' && !port[1..].ContainsAnyExceptInRange('0', '9'));
    }

    // Characters from the set, with every "%" starting a two-digit hex escape.
    private static bool IsMadeOf(ReadOnlySpan<char> part, SearchValues<char> allowed)
    {
        if (part.ContainsAnyExcept(allowed))
        {
            return false;
        }

        for (var percent = part.IndexOf('%'); percent >= 0; percent = part.IndexOf('%'))
        {
            if (percent + 2 >= part.Length || !char.IsAsciiHexDigit(part[percent + 1]) || !char.IsAsciiHexDigit(part[percent + 2]))
            {
                return false;
            }

            part = part[(percent + 3)..];
        }

        return true;
    }
}
