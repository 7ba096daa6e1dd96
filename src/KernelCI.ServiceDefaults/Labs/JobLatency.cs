namespace KernelCI.ServiceDefaults.Labs;

/// <summary>Submission-to-result time over the <paramref name="Jobs"/> most recent finished jobs that recorded both.</summary>
public sealed record JobLatency(int Jobs, double P50Seconds, double P95Seconds);
