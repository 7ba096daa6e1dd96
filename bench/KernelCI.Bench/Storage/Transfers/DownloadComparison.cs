namespace KernelCI.Bench.Storage.Transfers;

/// <summary>One download workload on both servers. Pass i of each server ran back to back (in alternating order),
/// so <see cref="PairRatios"/> compares the two under the same load; <see cref="Ratio"/>, the verdict's figure, is
/// their median.</summary>
internal sealed record DownloadComparison(string Workload, int Clients, TransferResult Ours, TransferResult Nginx)
{
    /// <summary>Ours over nginx's throughput, pass by pass.</summary>
    public IReadOnlyList<double> PairRatios => [.. Ours.Passes.Zip(Nginx.Passes, (o, n) => (o.Bytes / o.Seconds) / (n.Bytes / n.Seconds))];

    public double Ratio => TransferResult.Median(PairRatios);

    /// <summary>The ratio of the median passes, as the bench reported before session 5; kept for comparison.</summary>
    public double MedianPassRatio => Ours.MegabytesPerSecond / Nginx.MegabytesPerSecond;

    /// <summary>nginx's server CPU per request over ours: above 1, ours does the same work with less CPU.</summary>
    public double? CpuEfficiency => Ours.ServerMicrosPerRequest is { } ours && Nginx.ServerMicrosPerRequest is { } nginx && ours > 0 ? nginx / ours : null;
}
