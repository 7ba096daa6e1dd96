using System.Text;
using System.Text.RegularExpressions;

namespace KernelCI.Triage.Fingerprints;

/// <summary>Removes from a problem's text what differs between two runs of the same problem (docs/regressions.md,
/// Fingerprints): function offsets (+0x1c/0x40), 0x values and bare addresses, printk timestamps, CPU numbers, PIDs,
/// "[comm:pid]" brackets, durations, die counters ([#1]), temporary paths; and it writes gcc's ‘’ quotes as clang's
/// ''. Runs only on lines that hold a problem, so several simple passes cost nothing measurable.</summary>
internal static partial class Normalizer
{
    public static string Text(string text)
    {
        text = Timestamp().Replace(text, "");
        text = Quotes(text);
        text = Offset().Replace(text, "");
        text = TempPath().Replace(text, "/tmp/_");
        text = HexValue().Replace(text, "0x_");
        text = BareAddress().Replace(text, "_");
        text = Cpu().Replace(text, "${word}_");
        text = Pid().Replace(text, "${word}_");
        text = CommBracket().Replace(text, "[_]");
        text = DieCounter().Replace(text, "[#_]");
        text = Duration().Replace(text, "_${unit}");
        text = NumberAfterSeparator().Replace(text, "${sep}_");
        return Spaces().Replace(text, " ").Trim();
    }

    /// <summary>A task's comm with its numbers (per-CPU and pool ids, kworker/u4:1) written as _.</summary>
    public static string Comm(string comm) => Digits().Replace(comm, "_");

    /// <summary>A kernel symbol as %pS prints it, without its offset/size and module: "foo+0x1c/0x40 [bar]" is foo.</summary>
    public static string Function(string symbol)
    {
        var plus = symbol.IndexOf('+', StringComparison.Ordinal);
        var name = plus >= 0 ? symbol[..plus] : symbol;
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return (space >= 0 ? name[..space] : name).Trim();
    }

    public static string Quotes(string text)
    {
        if (text.AsSpan().IndexOfAny('‘', '’') < 0 && text.AsSpan().IndexOfAny('“', '”') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text);
        builder.Replace('‘', '\'').Replace('’', '\'').Replace('“', '"').Replace('”', '"');
        return builder.ToString();
    }

    [GeneratedRegex(@"^\s*\[\s*\d+\.\d+\]\s?")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"\+0x[0-9a-fA-F]+/0x[0-9a-fA-F]+")]
    private static partial Regex Offset();

    [GeneratedRegex(@"/tmp/[^\s:'`""]+")]
    private static partial Regex TempPath();

    [GeneratedRegex(@"0x[0-9a-fA-F]+")]
    private static partial Regex HexValue();

    // %px and %016lx print addresses without 0x; eight or more hex digits with at least one digit is an address.
    [GeneratedRegex(@"\b(?=[0-9a-fA-F]*[0-9])[0-9a-fA-F]{8,16}\b")]
    private static partial Regex BareAddress();

    [GeneratedRegex(@"(?<word>\bCPUs?(?:#|: ?| )?)\d+")]
    private static partial Regex Cpu();

    [GeneratedRegex(@"(?<word>\bPID:? ?)\d+")]
    private static partial Regex Pid();

    [GeneratedRegex(@"\[[^\]\s]+:\d+\]")]
    private static partial Regex CommBracket();

    [GeneratedRegex(@"\[#\d+\]")]
    private static partial Regex DieCounter();

    [GeneratedRegex(@"\b\d+(?<unit>s\b| seconds| jiffies| ms\b)")]
    private static partial Regex Duration();

    [GeneratedRegex(@"(?<sep>[=/:])\d+\b")]
    private static partial Regex NumberAfterSeparator();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
