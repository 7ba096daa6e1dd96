using System.Text;

namespace KernelCI.Pipeline.Runtimes.Lava.Callback;

/// <summary>The device's own serial output from LAVA's structured log: the `target` lines, one per line, with NULs
/// removed and every other non-printable character of the first 256 (controls, tab, DEL, C1 and the soft hyphen)
/// shown as `?`, as upstream's LogSanitizer does (kernelci/kernelci-pipeline:src/lava_callback.py).</summary>
internal static class TargetLog
{
    public static string Text(IReadOnlyList<LavaLogLine> log)
    {
        var text = new StringBuilder();
        foreach (var line in log)
        {
            if (line.Lvl == "target")
            {
                Sanitize(line.Msg, text);
                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static void Sanitize(string message, StringBuilder text)
    {
        foreach (var c in message)
        {
            if (c == '\0')
            {
                continue;
            }

            text.Append(c == '\n' || !IsUnprintable(c) ? c : '?');
        }
    }

    // Python's str.isprintable() over chr(0)..chr(255): false for C0 controls, DEL, the C1 controls, NBSP and SHY.
    private static bool IsUnprintable(char c) => c < 0x20 || c is >= '\x7f' and <= '\xa0' || c == '\xad';
}
