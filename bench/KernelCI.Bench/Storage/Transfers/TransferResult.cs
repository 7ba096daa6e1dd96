namespace KernelCI.Bench.Storage.Transfers;

/// <summary>A workload on one server: the timed passes (after the discarded warm-up, if any). Rates are the median
/// pass's, so that a burst of load from other processes on the machine moves them less than a sum would. CPU figures
/// are totals over the timed passes divided by their requests or bytes: the cost of the work, which depends much
/// less than a rate on how the scheduler placed the client and the server on the cores.</summary>
internal sealed record TransferResult(string Server, IReadOnlyList<Pass> Passes, double? WarmupSeconds)
{
    public long Bytes => Passes.Sum(p => p.Bytes);

    public int Requests => Passes.Sum(p => p.Requests);

    public double Seconds => Passes.Sum(p => p.Seconds);

    public double MegabytesPerSecond => Median(Passes.Select(p => p.Bytes / 1e6 / p.Seconds));

    public double RequestsPerSecond => Median(Passes.Select(p => p.Requests / p.Seconds));

    /// <summary>Server CPU per request, in microseconds.</summary>
    public double? ServerMicrosPerRequest => PerRequest(p => p.ServerCpuSeconds);

    /// <summary>Server CPU per MB sent, in milliseconds.</summary>
    public double? ServerMillisPerMegabyte => PerMegabyte(p => p.ServerCpuSeconds);

    /// <summary>The bench client's CPU per request while it downloaded from this server, in microseconds.</summary>
    public double? ClientMicrosPerRequest => PerRequest(p => p.ClientCpuSeconds);

    public double? ClientMillisPerMegabyte => PerMegabyte(p => p.ClientCpuSeconds);

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private double? PerRequest(Func<Pass, double?> cpu) => Total(cpu) is { } seconds ? seconds * 1e6 / Requests : null;

    private double? PerMegabyte(Func<Pass, double?> cpu) => Total(cpu) is { } seconds ? seconds * 1e3 / (Bytes / 1e6) : null;

    private double? Total(Func<Pass, double?> cpu) => Passes.All(p => cpu(p) is not null) ? Passes.Sum(p => cpu(p)!.Value) : null;
}
