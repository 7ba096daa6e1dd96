namespace KernelCI.Dashboard.Web.Metrics;

/// <summary>The metrics page: the window [Start, End) and the one as long before it, and what metrics/ answers for
/// them.</summary>
public sealed record MetricsView(int StartDaysAgo, int EndDaysAgo, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset PreviousStart,
    IReadOnlyList<MetricsFigure> Coverage, IReadOnlyList<MetricsFigure> Issues, IReadOnlyList<MetricsOrigin> Origins,
    IReadOnlyList<MetricsLab> Labs, string ApiUrl);
