using Microsoft.AspNetCore.Routing;

namespace KernelCI.Dashboard.Trees;

internal static class TreesApi
{
    public static RouteGroupBuilder MapTrees(this RouteGroupBuilder api) => api;
}
