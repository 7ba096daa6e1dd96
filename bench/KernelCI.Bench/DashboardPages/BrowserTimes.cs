namespace KernelCI.Bench.DashboardPages;

/// <summary>A page's figures in Chromium over its loads, each a first view in a fresh browser context (empty cache):
/// time to the load event and to the largest contentful paint, in milliseconds from navigation start, and the bytes
/// transferred (document and every resource, headers included).</summary>
internal sealed record BrowserTimes(IReadOnlyList<double> Load, IReadOnlyList<double> LargestPaint, IReadOnlyList<long> Transferred)
{
    public double LoadMedian => Median(Load);

    public double LargestPaintMedian => Median(LargestPaint);

    public long MaxTransferred => Transferred.Count == 0 ? 0 : Transferred.Max();

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
