using Microsoft.AspNetCore.Routing;

namespace KernelCI.Dashboard.Metrics;

internal static class DashboardMetricsApi
{
    public static RouteGroupBuilder MapDashboardMetrics(this RouteGroupBuilder api) => api;
}
