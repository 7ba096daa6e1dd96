using Microsoft.AspNetCore.Routing;

namespace KernelCI.Kcidb.Queries;

public static class KcidbQueryApi
{
    public static IEndpointRouteBuilder MapKcidbQueries(this IEndpointRouteBuilder endpoints) => endpoints;
}
