namespace KernelCI.Bench.Regressions;

/// <summary>What `--part` selects; every part but <see cref="Bisect"/> runs by default.</summary>
internal enum RegressionsPart
{
    Detection,
    Latency,
    Recompute,
    Triage,
    Bisect,
}
