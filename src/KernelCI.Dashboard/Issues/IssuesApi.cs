using Microsoft.AspNetCore.Routing;

namespace KernelCI.Dashboard.Issues;

internal static class IssuesApi
{
    public static RouteGroupBuilder MapIssues(this RouteGroupBuilder api) => api;
}
