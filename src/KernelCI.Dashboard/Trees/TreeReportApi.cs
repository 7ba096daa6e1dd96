using Microsoft.AspNetCore.Routing;

namespace KernelCI.Dashboard.Trees;

internal static class TreeReportApi
{
    public static RouteGroupBuilder MapTreeReport(this RouteGroupBuilder api) => api;
}
