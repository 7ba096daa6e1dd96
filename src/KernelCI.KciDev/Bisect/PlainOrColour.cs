using KernelCI.KciDev.Cli;
using Spectre.Console;

namespace KernelCI.KciDev.Bisect;

/// <summary>One line of bisect's output: coloured through Spectre.Console on a terminal; otherwise written as is, never
/// wrapped, so log links and SHAs stay whole for grep and scripts.</summary>
internal static class PlainOrColour
{
    public static void Line(KciConsole console, string? colour, string text)
    {
        if (console.IsTerminal && colour is not null)
        {
            console.Ansi.MarkupLine($"[{colour}]{Markup.Escape(text)}[/]");
        }
        else if (console.IsTerminal)
        {
            console.Ansi.WriteLine(text);
        }
        else
        {
            console.Out.WriteLine(text);
        }
    }

    public static void Line(KciConsole console, string text) => Line(console, null, text);
}
