namespace KernelCI.Bench.Storage;

/// <summary>The server's VmRSS just before the 1 GiB transfers and the largest sampled during them.</summary>
internal sealed record MemoryWindow(long BaselineBytes, long PeakBytes, int Samples)
{
    public long GrowthBytes => PeakBytes - BaselineBytes;
}
