namespace KernelCI.Bench.Storage.Transfers;

/// <summary>A workload on one server: the timed passes (after the discarded warm-up, if any). Rates are the median
/// pass's, so that a burst of load from other processes on the machine moves them less than a sum would.</summary>
internal sealed record TransferResult(string Server, IReadOnlyList<Pass> Passes, double? WarmupSeconds)
{
    public long Bytes => Passes.Sum(p => p.Bytes);

    public int Requests => Passes.Sum(p => p.Requests);

    public double Seconds => Passes.Sum(p => p.Seconds);

    public double MegabytesPerSecond => Median(Passes.Select(p => p.Bytes / 1e6 / p.Seconds));

    public double RequestsPerSecond => Median(Passes.Select(p => p.Requests / p.Seconds));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
