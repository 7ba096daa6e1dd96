using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KernelCI.Dashboard.Proxy;

/// <summary>`proxy/?url=` (upstream's path and parameter; docs/dashboard-api.md, "Log proxy").</summary>
internal static class LogProxyApi
{
    public static RouteGroupBuilder MapLogProxy(this RouteGroupBuilder api)
    {
        api.MapGet("/proxy", (HttpContext http, LogProxy proxy) => proxy.ServeAsync(http))
            .WithSummary("A log from our storage or an allowlisted host, gunzipped, whole or by byte range");
        return api;
    }
}
