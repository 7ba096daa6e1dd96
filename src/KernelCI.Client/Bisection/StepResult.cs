namespace KernelCI.Client.Bisection;

/// <summary>One run of a step on a commit: its verdict and the evidence behind it (node ids, results, log links) and a
/// short note (e.g. why it is a skip).</summary>
public sealed record StepResult(StepVerdict Verdict, IReadOnlyList<StepNode> Nodes, string? Note = null)
{
    public static StepResult Of(StepVerdict verdict, string? note = null) => new(verdict, [], note);
}
