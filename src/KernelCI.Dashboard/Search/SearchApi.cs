using Microsoft.AspNetCore.Routing;

namespace KernelCI.Dashboard.Search;

internal static class SearchApi
{
    public static RouteGroupBuilder MapSearch(this RouteGroupBuilder api) => api;
}
