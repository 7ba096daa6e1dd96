namespace KernelCI.Pipeline.Services.Patchwork;

/// <summary>The Patchwork service's projects and limits ("Pipeline:Patchwork"; docs/integrations.md).</summary>
public sealed record PatchworkOptions
{
    /// <summary>The Patchwork projects followed; none means the service does nothing.</summary>
    public IReadOnlyList<PatchworkProject> Projects { get; init; } = [];

    /// <summary>Time between two polls of every project's events and of the series under test.</summary>
    public TimeSpan PollPeriod { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How far back the first poll of a project reads events (NIPA's pw_poller starts 2 h back).</summary>
    public TimeSpan Lookback { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Largest series tested; a longer one gets a `fail` check saying so.</summary>
    public int MaxPatches { get; init; } = 100;

    /// <summary>Largest series mbox downloaded.</summary>
    public long MaxMboxBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>The dashboard's base URL the checks link to (`serve` fills its own dashboard's).</summary>
    public string? DashboardUrl { get; init; }

    /// <summary>Prefix of every check context: `kernelci-build`, `kernelci-boot`, `kernelci-apply`, `kernelci-JOB`.</summary>
    public string ContextPrefix { get; init; } = "kernelci";

    /// <summary>A comment line by a project maintainer that asks for the series to be tested again.</summary>
    public string RetestKeyword { get; init; } = "kernelci-retest";

    /// <summary>Longest wait between two attempts at a Patchwork that fails (doubling from PollPeriod).</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Time for one request to Patchwork.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
