namespace KernelCI.Dashboard.Web.Metrics;

/// <summary>One number of the period and, when the API gives it, the same number of the period before.</summary>
public sealed record MetricsFigure(string Label, long Current, long? Previous)
{
    public long? Change => Previous is { } previous ? Current - previous : null;
}
