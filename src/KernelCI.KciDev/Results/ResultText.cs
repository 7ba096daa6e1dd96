using KernelCI.KciDev.Cli;
using Spectre.Console;

namespace KernelCI.KciDev.Results;

/// <summary>Result lines in upstream's colours (kci-dev.md §4: pass green, fail red, inconclusive yellow, values cyan) on
/// a terminal, and plain otherwise. Plain lines go straight to the output: Spectre wraps text at the console width,
/// which would break long links and ids in a pipe.</summary>
internal static class ResultText
{
    public static void Write(KciConsole console, string markup)
    {
        if (console.IsTerminal)
        {
            console.Ansi.Markup(markup);
        }
        else
        {
            console.Out.Write(Markup.Remove(markup));
        }
    }

    public static void Line(KciConsole console, string markup = "")
    {
        Write(console, markup);
        if (console.IsTerminal)
        {
            console.Ansi.WriteLine();
        }
        else
        {
            console.Out.WriteLine();
        }
    }

    /// <summary>Escaped for markup; a missing value prints as upstream's Python prints it.</summary>
    public static string Esc(object? value) => Markup.Escape(Python(value));

    /// <summary>A JSON value as upstream's f-strings show it: `None`, `True`, `False`, or the text itself.</summary>
    public static string Python(object? value) => value switch
    {
        null => "None",
        System.Text.Json.Nodes.JsonValue v when v.TryGetValue<bool>(out var b) => b ? "True" : "False",
        bool b => b ? "True" : "False",
        _ => value.ToString() ?? "None",
    };

    /// <summary>A JSON value as text, null when absent or JSON null.</summary>
    public static string? Str(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        null => null,
        System.Text.Json.Nodes.JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    /// <summary>A status the way upstream's listings print it: PASS green, FAIL red, anything else yellow and inconclusive.</summary>
    public static string Status(string? status) => status switch
    {
        "PASS" => "[green]PASS[/]",
        "FAIL" => "[red]FAIL[/]",
        _ => $"[yellow]{Markup.Escape(InconclusiveText(status))}[/]",
    };

    /// <summary>`pass/fail/inconclusive`, each coloured when not zero (upstream's print_summary and
    /// format_colored_summary).</summary>
    public static string Counts(long pass, long fail, long inconclusive) =>
        $"{Colour(pass, "green")}/{Colour(fail, "red")}/{Colour(inconclusive, "yellow")}";

    public static string StatusText(string? status) => status is "PASS" or "FAIL" ? status : InconclusiveText(status);

    private static string Colour(long count, string colour) => count == 0 ? "0" : $"[{colour}]{count}[/]";

    private static string InconclusiveText(string? status) => $"INCONCLUSIVE (status: {Python(status)})";
}
