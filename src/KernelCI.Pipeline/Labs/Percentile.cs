namespace KernelCI.Pipeline.Labs;

/// <summary>Nearest-rank percentiles: the smallest value with at least p% of the values at or below it, so every
/// percentile shown is a time a job really took.</summary>
internal static class Percentile
{
    public static double Of(IReadOnlyList<double> sorted, double percent)
    {
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
