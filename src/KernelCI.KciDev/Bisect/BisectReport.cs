using KernelCI.Client.Bisection;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Bisect;

/// <summary>The end of a bisection: the first bad commit with its subject and author (or the candidates when only
/// skipped commits were left), then every step with its runs' evidence: node ids, results and log links.</summary>
internal static class BisectReport
{
    public static void Write(KciConsole console, BisectResult result)
    {
        if (result.FirstBad is { } bad)
        {
            PlainOrColour.Line(console, "green", $"Bisection complete. First bad commit: {bad.Sha}");
            PlainOrColour.Line(console, $"subject: {bad.Subject}");
            PlainOrColour.Line(console, $"author: {bad.Author}");
        }
        else
        {
            PlainOrColour.Line(console, "yellow", "Bisection ended with only skipped commits left; the first bad commit is one of:");
            foreach (var candidate in result.Candidates)
            {
                PlainOrColour.Line(console, $"  {candidate.Sha} {candidate.Subject} ({candidate.Author})");
            }
        }

        PlainOrColour.Line(console, "");
        PlainOrColour.Line(console, $"Steps ({result.Steps.Count}):");
        for (var i = 0; i < result.Steps.Count; i++)
        {
            var step = result.Steps[i];
            var verdict = step.Verdict ?? StepVerdict.Skip;
            PlainOrColour.Line(console, BisectPrinter.Colour(verdict),
                $"  {i + 1}. {step.Commit} {step.Subject}: {BisectPrinter.Word(verdict)}" + (step.Note is { } note ? $" ({note})" : ""));
            for (var r = 0; r < step.Runs.Count; r++)
            {
                var run = step.Runs[r];
                PlainOrColour.Line(console, $"     run {r + 1}: {BisectPrinter.Word(run.Verdict)}" + (run.Note is { } why ? $" ({why})" : ""));
                foreach (var node in run.Nodes)
                {
                    PlainOrColour.Line(console, $"       {node.Name} {node.Id} {node.State}/{node.Result ?? "-"}" + (node.LogUrl is { } log ? " " + log : ""));
                }
            }
        }
    }
}
