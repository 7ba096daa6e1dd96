using Microsoft.AspNetCore.Routing;

namespace KernelCI.Dashboard.Trees;

internal static class CompareApi
{
    public static RouteGroupBuilder MapCompare(this RouteGroupBuilder api) => api;
}
