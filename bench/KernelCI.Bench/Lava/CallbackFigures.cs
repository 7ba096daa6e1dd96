using KernelCI.Bench.Infrastructure;

namespace KernelCI.Bench.Lava;

/// <summary>Callback processing on one database: seconds from the 202 to the tree stored, ascending.</summary>
internal sealed record CallbackFigures(string Database, int BodyBytes, long Nodes, IReadOnlyList<double> Seconds)
{
    public double P50 => Percentiles.Of(Seconds, 50);

    public double P95 => Percentiles.Of(Seconds, 95);
}
