namespace KernelCI.Client.Bisection;

/// <summary>How a bisection ended: the first bad commit, or (when only skipped commits were left) the candidates, and
/// every step with its evidence.</summary>
public sealed record BisectResult(BisectCommit? FirstBad, IReadOnlyList<BisectCommit> Candidates, IReadOnlyList<BisectStep> Steps)
{
    public static BisectResult From(BisectState state) => new(state.FirstBad, state.Candidates ?? [], state.Steps);
}
