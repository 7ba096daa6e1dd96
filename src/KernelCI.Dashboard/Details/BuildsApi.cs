using Microsoft.AspNetCore.Routing;

namespace KernelCI.Dashboard.Details;

internal static class BuildsApi
{
    public static RouteGroupBuilder MapBuilds(this RouteGroupBuilder api) => api;
}
