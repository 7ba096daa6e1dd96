using KernelCI.Client.Maestro;

namespace KernelCI.Bench.Pipeline;

/// <summary>A node as first seen in the state the benchmark waited for, and when (same machine, same clock as the
/// server). Later writes (the bridge marking it sent, holdoff) change `updated`, so the observation time is what
/// ends the node's run.</summary>
internal sealed record Observed(MaestroNode Node, DateTime At)
{
    public TimeSpan RanFor => At - (Node.Created ?? throw new BenchFailure($"node {Node.Id} has no created time"));

    public static Observed Now(MaestroNode node) => new(node, DateTime.UtcNow);
}
