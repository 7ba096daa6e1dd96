namespace KernelCI.Client.Bisection;

/// <summary>What each pipeline step asks for: the tree and branch, the jobs and platforms to run and the test whose
/// result decides.</summary>
public sealed record PipelineStepRequest(string Url, string Branch, IReadOnlyList<string> JobFilter, IReadOnlyList<string> PlatformFilter, string Test)
{
    public static PipelineStepRequest From(BisectState state) =>
        new(state.Giturl, state.Branch, state.JobFilter, state.PlatformFilter, state.Test ?? throw new BisectionException("the bisection has no test"));
}
