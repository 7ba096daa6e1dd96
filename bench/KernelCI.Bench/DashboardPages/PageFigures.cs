namespace KernelCI.Bench.DashboardPages;

/// <summary>One page's server and browser figures.</summary>
internal sealed record PageFigures(PageTarget Page, ServerTimes Server, BrowserTimes Browser);
