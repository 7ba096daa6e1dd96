using Microsoft.AspNetCore.Routing;

namespace KernelCI.Dashboard.Proxy;

internal static class LogProxyApi
{
    public static RouteGroupBuilder MapLogProxy(this RouteGroupBuilder api) => api;
}
