namespace KernelCI.Bench.Lava;

/// <summary>One submission run: <c>Count</c> jobs in <c>Seconds</c> from the kbuild's update to the last one, the
/// first after <c>FirstSeconds</c> (the event's way to the scheduler and the first node).</summary>
internal sealed record SubmitFigures(string Lab, int Count, double Seconds, double FirstSeconds, IReadOnlyList<string> JobIds)
{
    public double PerSecond => Count / Seconds;

    /// <summary>From the first submission to the last: the rate the scheduler keeps once it has started.</summary>
    public double SteadyPerSecond => Count > 1 && Seconds > FirstSeconds ? (Count - 1) / (Seconds - FirstSeconds) : double.NaN;
}
