using KernelCI.Client.Bisection;
using KernelCI.KciDev.Cli;
using Spectre.Console;

namespace KernelCI.KciDev.Bisect;

/// <summary>The end of a bisection: the first bad commit with its subject and author (or the candidates when only
/// skipped commits were left), then every step with its runs' evidence: node ids, results and log links.</summary>
internal static class BisectReport
{
    public static void Write(KciConsole console, BisectResult result)
    {
        var ansi = console.Ansi;
        if (result.FirstBad is { } bad)
        {
            ansi.MarkupLine($"[green]Bisection complete. First bad commit: {bad.Sha}[/]");
            ansi.WriteLine($"subject: {bad.Subject}");
            ansi.WriteLine($"author: {bad.Author}");
        }
        else
        {
            ansi.MarkupLine("[yellow]Bisection ended with only skipped commits left; the first bad commit is one of:[/]");
            foreach (var candidate in result.Candidates)
            {
                ansi.WriteLine($"  {candidate.Sha} {candidate.Subject} ({candidate.Author})");
            }
        }

        ansi.WriteLine();
        ansi.WriteLine($"Steps ({result.Steps.Count}):");
        for (var i = 0; i < result.Steps.Count; i++)
        {
            var step = result.Steps[i];
            var verdict = step.Verdict ?? StepVerdict.Skip;
            ansi.MarkupLine($"  {i + 1}. {step.Commit} {Markup.Escape(step.Subject ?? "")}: [{BisectPrinter.Colour(verdict)}]{BisectPrinter.Word(verdict)}[/]"
                + (step.Note is { } note ? Markup.Escape($" ({note})") : ""));
            for (var r = 0; r < step.Runs.Count; r++)
            {
                var run = step.Runs[r];
                ansi.WriteLine($"     run {r + 1}: {BisectPrinter.Word(run.Verdict)}" + (run.Note is { } why ? $" ({why})" : ""));
                foreach (var node in run.Nodes)
                {
                    ansi.WriteLine($"       {node.Name} {node.Id} {node.State}/{node.Result ?? "-"}" + (node.LogUrl is { } log ? " " + log : ""));
                }
            }
        }
    }
}
