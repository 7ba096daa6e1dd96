namespace KernelCI.Client.Watching;

/// <summary>What to watch: the nodes of one tree (`treeid`) named in <paramref name="JobFilter"/>, plus its root node
/// (`checkout`, or `patchset` for a patchset's tree), and optionally the result of the nodes named
/// <paramref name="TestName"/> (kci-dev.md §3.2; kernelci/kci-dev:kcidev/libs/maestro_common.py `maestro_watch_jobs`).</summary>
public sealed record WatchRequest(string TreeId, string RootName, IReadOnlyList<string> JobFilter, string? TestName = null)
{
    /// <summary>Upstream waits this long after every job finished for the test's result, then gives up (exit 2).</summary>
    public TimeSpan TestResultWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Wait between attempts after the connection to Maestro broke (upstream retries every 5 s, forever).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The names whose nodes decide the outcome: the job filter and the root.</summary>
    public IReadOnlySet<string> Jobs => JobFilter.Append(RootName).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every node name the watch follows: the jobs and the test.</summary>
    public IReadOnlySet<string> Names => TestName is null ? Jobs : Jobs.Append(TestName).ToHashSet(StringComparer.Ordinal);
}
