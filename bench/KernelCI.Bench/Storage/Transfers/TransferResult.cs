namespace KernelCI.Bench.Storage.Transfers;

/// <summary>A workload on one server: the timed passes (after the discarded warm-up, if any), summed.</summary>
internal sealed record TransferResult(string Server, IReadOnlyList<Pass> Passes, double? WarmupSeconds)
{
    public long Bytes => Passes.Sum(p => p.Bytes);

    public int Requests => Passes.Sum(p => p.Requests);

    public double Seconds => Passes.Sum(p => p.Seconds);

    public double MegabytesPerSecond => Bytes / 1e6 / Seconds;

    public double RequestsPerSecond => Requests / Seconds;
}
