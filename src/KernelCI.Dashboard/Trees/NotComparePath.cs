using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KernelCI.Dashboard.Trees;

/// <summary>Keeps the `tree/{**path}` catch-all off the compare endpoints' paths, so both route without ambiguity.</summary>
internal sealed class NotComparePath : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string path && !TreePath.IsCompare(path);
}
