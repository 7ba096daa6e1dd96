namespace KernelCI.Client.Watching;

/// <summary>The end of a watch: the verdict, the node that decided it (the failed job or the test node) and every
/// watched node as last seen.</summary>
public sealed record WatchOutcome(WatchVerdict Verdict, WatchedNode? Deciding, IReadOnlyList<WatchedNode> Nodes)
{
    /// <summary>Upstream's exit codes with `--test` (kci-dev.md §3.2): 0 pass, 1 other result, 2 prerequisite failed or
    /// no result; 0 when no test was asked for.</summary>
    public int ExitCode => Verdict switch
    {
        WatchVerdict.Finished or WatchVerdict.TestPassed => 0,
        WatchVerdict.TestFailed => 1,
        _ => 2,
    };
}
