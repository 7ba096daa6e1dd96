using KernelCI.KciDev.Cli;
using Spectre.Console;

namespace KernelCI.KciDev.Maestro.Validate;

/// <summary>The text forms of a validation: upstream's list (one entry per checkout, or per tree with `--history`) or
/// its grid table, here a Spectre table. Node links go to this instance's Maestro viewer (`{api}viewer?node_id=`).</summary>
internal static class ValidationOutput
{
    public static void List(KciConsole console, IReadOnlyList<ValidationRow> rows, string kind, bool history, Uri api)
    {
        if (history)
        {
            foreach (var tree in rows.GroupBy(r => r.TreeBranch))
            {
                console.Ansi.MarkupLineInterpolated($"[bold]{tree.Key}: [/]");
                foreach (var row in tree)
                {
                    console.Ansi.WriteLine($"  Commit {row.Commit[..Math.Min(12, row.Commit.Length)]}: {row.Flag}");
                    if (!row.Matches)
                    {
                        Links(console, row, kind, api);
                    }
                }
            }

            return;
        }

        foreach (var row in rows)
        {
            console.Ansi.MarkupInterpolated($"[bold]• {row.TreeBranch}: [/]");
            console.Ansi.WriteLine(row.Flag);
            console.Ansi.WriteLine($"  Commit: {row.Commit}");
            if (!row.Matches)
            {
                Links(console, row, kind, api);
            }

            console.Ansi.WriteLine();
        }
    }

    public static void Table(KciConsole console, IReadOnlyList<ValidationRow> rows, string kind, bool history)
    {
        var noun = char.ToUpperInvariant(kind[0]) + kind[1..^1];
        var table = new Table().Border(TableBorder.Square).ShowRowSeparators();
        table.AddColumns("tree/branch", "Commit", $"Maestro\n{kind}", $"Dashboard\n{kind}", $"{noun} count\ncomparison", $"Missing {kind[..^1]} IDs");
        if (!history)
        {
            table.AddColumn($"{noun}s with\nstatus mismatch");
        }

        foreach (var row in rows)
        {
            var cells = new List<string>
            {
                row.TreeBranch, row.Commit, Count(row.MaestroCount), Count(row.DashboardCount), row.Flag, string.Join('\n', row.MissingIds),
            };
            if (!history)
            {
                cells.Add(string.Join('\n', row.StatusMismatchIds));
            }

            table.AddRow([.. cells.Select(c => new Text(c))]);
        }

        console.Ansi.WriteLine("Creating a stats report...");
        console.Ansi.Write(table);
    }

    private static string Count(int count) => count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Links(KciConsole console, ValidationRow row, string kind, Uri api)
    {
        if (row.MissingIds.Count > 0)
        {
            console.Ansi.WriteLine($"  Missing {kind}: {row.MissingIds.Count}");
            foreach (var id in row.MissingIds)
            {
                console.Ansi.WriteLine($"  - {api}viewer?node_id={id}");
            }
        }

        if (row.StatusMismatchIds.Count > 0)
        {
            console.Ansi.WriteLine($"  Status mismatched {kind}: {row.StatusMismatchIds.Count}");
            foreach (var id in row.StatusMismatchIds)
            {
                console.Ansi.WriteLine($"  - {api}viewer?node_id={id}");
            }
        }
    }
}
