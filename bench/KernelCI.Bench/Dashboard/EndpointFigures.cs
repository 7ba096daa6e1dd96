using KernelCI.Bench.Infrastructure;

namespace KernelCI.Bench.Dashboard;

/// <summary>The timings of one endpoint, in milliseconds, and how big its warm answer was.</summary>
internal sealed record EndpointFigures(string Name, IReadOnlyList<double> Cold, IReadOnlyList<double> Warm, long WarmBytes, string? Baseline)
{
    public double ColdP(double p) => Percentiles.Of(Cold.Order().ToList(), p);

    public double WarmP(double p) => Percentiles.Of(Warm.Order().ToList(), p);
}
