using Spectre.Console;

namespace KernelCI.KciDev.Results.Items;

/// <summary>A status as upstream shows it: PASS green, FAIL red, anything else yellow as `INCONCLUSIVE (status: X)`.</summary>
internal static class StatusMarkup
{
    public static string Label(string status) => status is "PASS" or "FAIL" ? status : $"INCONCLUSIVE (status: {status})";

    public static string Of(string status) => status switch
    {
        "PASS" => "[green]PASS[/]",
        "FAIL" => "[red]FAIL[/]",
        _ => $"[yellow]{Markup.Escape(Label(status))}[/]",
    };
}
