namespace KernelCI.Bench.Pipeline;

/// <summary>One scheduler throughput run: job nodes created and submitted from the events of passed kbuilds, with
/// <see cref="Jobs"/> × <see cref="Platforms"/> configured, and the wall time from the first event to the last
/// submission.</summary>
internal sealed record SchedulerFigures(string Database, int Jobs, int Platforms, int Kbuilds, int JobNodes, double Seconds)
{
    public double JobNodesPerSecond => Seconds > 0 ? JobNodes / Seconds : 0;
}
