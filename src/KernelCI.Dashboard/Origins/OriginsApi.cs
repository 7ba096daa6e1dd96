using Microsoft.AspNetCore.Routing;

namespace KernelCI.Dashboard.Origins;

internal static class OriginsApi
{
    public static RouteGroupBuilder MapOrigins(this RouteGroupBuilder api) => api;
}
