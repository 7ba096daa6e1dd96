using Microsoft.AspNetCore.Routing;

namespace KernelCI.Dashboard.Details;

internal static class TestsApi
{
    public static RouteGroupBuilder MapTests(this RouteGroupBuilder api) => api;
}
