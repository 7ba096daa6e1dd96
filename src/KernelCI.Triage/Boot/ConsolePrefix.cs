namespace KernelCI.Triage.Boot;

/// <summary>Removes what printk puts before a message: a "&lt;4&gt;" log level, the "[   12.345678]" timestamp
/// (CONFIG_PRINTK_TIME) and the "[    T1]" caller id (CONFIG_PRINTK_CALLER). Allocates nothing: it runs on every
/// line of a console log.</summary>
internal static class ConsolePrefix
{
    public static ReadOnlySpan<char> Strip(ReadOnlySpan<char> line)
    {
        if (line.Length >= 3 && line[0] == '<' && char.IsAsciiDigit(line[1]) && line[2] == '>')
        {
            line = line[3..];
        }

        line = StripBracket(line, caller: false);
        return StripBracket(line, caller: true);
    }

    private static ReadOnlySpan<char> StripBracket(ReadOnlySpan<char> line, bool caller)
    {
        if (line.Length == 0 || line[0] != '[')
        {
            return line;
        }

        var close = line.IndexOf(']');
        if (close < 2 || close > 24)
        {
            return line;
        }

        var inside = line[1..close].Trim();
        var accepted = caller
            ? inside.Length > 1 && inside[0] is 'T' or 'C' && IsNumber(inside[1..])
            : inside.Contains('.') && IsNumber(inside);
        if (!accepted)
        {
            return line;
        }

        var rest = line[(close + 1)..];
        return rest.Length > 0 && rest[0] == ' ' ? rest[1..] : rest;
    }

    private static bool IsNumber(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExcept("0123456789.");
}
