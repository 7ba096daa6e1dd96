namespace KernelCI.Bench.Infrastructure;

/// <summary>Peak resident memory of a process: the largest VmRSS sampled and the kernel's own high-water mark VmHWM.</summary>
internal sealed record MemoryPeak(long MaxRssBytes, long HighWaterMarkBytes, int Samples)
{
    public long PeakBytes => Math.Max(MaxRssBytes, HighWaterMarkBytes);
}
