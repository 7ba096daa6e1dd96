using KernelCI.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Kcidb.Queries;

public static class KcidbQueryApi
{
    public static IEndpointRouteBuilder MapKcidbQueries(this IEndpointRouteBuilder endpoints)
    {
        var database = endpoints.ServiceProvider.GetRequiredService<Database>();
        var sql = QuerySql.For(database);
        var documents = new KcidbDocumentQuery(database, sql);
        var lists = new KcidbListQuery(database, sql);
        var summaries = new KcidbSummaryQuery(database, sql);

        var api = endpoints.MapGroup("/api").WithTags("KCIDB queries").AddEndpointFilter<KcidbErrorFilter>();
        api.MapGet("/query", (HttpRequest request, CancellationToken ct) => DocumentEndpoint.QueryAsync(request, documents, ct))
            .WithSummary("Objects by id, with children and/or parents, as one I/O v5.3 document (kcidb-query)");
        MapList(api, "/checkouts", ListSpec.Checkouts, lists);
        MapList(api, "/builds", ListSpec.Builds, lists);
        MapList(api, "/tests", ListSpec.Tests, lists);
        MapList(api, "/issues", ListSpec.Issues, lists);
        MapList(api, "/incidents", ListSpec.Incidents, lists);
        api.MapGet("/checkouts/{id}/summary", (string id, CancellationToken ct) => SummaryEndpoint.CheckoutAsync(id, summaries, ct))
            .WithSummary("Status summary of a checkout's builds and tests");
        api.MapGet("/builds/{id}/summary", (string id, CancellationToken ct) => SummaryEndpoint.BuildAsync(id, summaries, ct))
            .WithSummary("Status summary of a build's tests");
        return endpoints;
    }

    private static void MapList(RouteGroupBuilder api, string path, ListSpec spec, KcidbListQuery lists) =>
        api.MapGet(path, (HttpRequest request, CancellationToken ct) => ListEndpoint.ListAsync(spec, request, lists, ct))
            .WithSummary($"List {spec.Table.Name}, filtered, in pages");
}
