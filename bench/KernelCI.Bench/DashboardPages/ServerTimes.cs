using KernelCI.Bench.Infrastructure;

namespace KernelCI.Bench.DashboardPages;

/// <summary>A page's server figures: time to first byte and to the last byte of each warm request, in milliseconds,
/// and the HTML's size.</summary>
internal sealed record ServerTimes(IReadOnlyList<double> FirstByte, IReadOnlyList<double> Whole, long HtmlBytes)
{
    public double FirstByteP(double p) => Percentiles.Of(FirstByte.Order().ToList(), p);

    public double WholeP(double p) => Percentiles.Of(Whole.Order().ToList(), p);
}
