using Spectre.Console;

namespace KernelCI.KciDev.Results;

/// <summary>A table in tabulate's `grid` format, which upstream's `compare` and `summary --history` print: each column
/// as wide as its widest cell and at least its header plus two, one space of padding, `=` under the header. Cells may
/// hold markup; widths count the visible text only, so the lines are the same with or without colour.</summary>
internal static class GridTable
{
    public static IEnumerable<string> Lines(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length + 2, rows.Select(r => Visible(r[i])).DefaultIfEmpty(0).Max())).ToArray();
        string Rule(char c) => "+" + string.Join("+", widths.Select(w => new string(c, w + 2))) + "+";
        string Row(IReadOnlyList<string> cells, bool markup) =>
            "|" + string.Join("|", cells.Select((cell, i) => " " + (markup ? cell : Markup.Escape(cell)) + new string(' ', widths[i] - Visible(markup ? cell : Markup.Escape(cell))) + " ")) + "|";

        yield return Rule('-');
        yield return Row(headers, markup: false);
        yield return Rule('=');
        foreach (var row in rows)
        {
            yield return Row(row, markup: true);
            yield return Rule('-');
        }
    }

    private static int Visible(string markup) => Markup.Remove(markup).Length;
}
