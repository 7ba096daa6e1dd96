using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Results.Items;

/// <summary>Upstream's `click.secho` colours (pass green, fail red, inconclusive yellow, values cyan) on a terminal only.
/// List lines are written straight to the output, never through Spectre's renderer, which would wrap long lines (log
/// URLs, file paths) at the console width. Tables and summaries use Spectre markup instead (<see cref="ResultText"/>);
/// both take the status words from <see cref="ResultText.StatusText"/>.</summary>
internal static class Paint
{
    public static string Green(KciConsole console, string? text) => Sgr(console, "32", text);

    public static string Red(KciConsole console, string? text) => Sgr(console, "31", text);

    public static string Yellow(KciConsole console, string? text) => Sgr(console, "33", text);

    public static string Cyan(KciConsole console, string? text) => Sgr(console, "36", text);

    /// <summary>A status as upstream shows it: PASS green, FAIL red, anything else yellow as `INCONCLUSIVE (status: X)`.</summary>
    public static string Status(KciConsole console, string status) => status switch
    {
        "PASS" => Green(console, status),
        "FAIL" => Red(console, status),
        _ => Yellow(console, ResultText.StatusText(status)),
    };

    private static string Sgr(KciConsole console, string code, string? text) =>
        console.IsTerminal && !string.IsNullOrEmpty(text) ? $"\u001b[{code}m{text}\u001b[0m" : text ?? "";
}
