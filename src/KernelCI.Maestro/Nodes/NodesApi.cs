using System.Text;
using System.Text.Json.Nodes;
using KernelCI.Maestro.Users;
using KernelCI.Maestro.Users.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KernelCI.Maestro.Nodes;

public static class NodesApi
{
    public static IEndpointRouteBuilder MapNodes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/node/{id}", GetNode).WithSummary("One node; 200 with null when unknown, as upstream");
        endpoints.MapGet("/nodes", GetNodes).WithSummary("Filtered nodes, paged: {items,total,limit,offset}; sort=field or -field");
        endpoints.MapGet("/nodes/fast", GetNodesFast).WithSummary("Filtered nodes as an array, no default limit and no total");
        endpoints.MapGet("/count", Count).WithSummary("Number of nodes matching the filters");
        endpoints.MapGet("/viewer", NodeViewer.HandleAsync).WithSummary("HTML page of one node: viewer?node_id=ID (kci-dev's links)")
            .ExcludeFromDescription();

        var signedIn = endpoints.MapGroup("").RequireAuthorization(MaestroAuthentication.UserPolicy);
        signedIn.MapPost("/node", Create).DisableAntiforgery();
        signedIn.MapPut("/node/{id}", Replace).DisableAntiforgery();
        signedIn.MapPatch("/node/{id}", Patch).DisableAntiforgery();
        signedIn.MapPut("/nodes/{id}", PutHierarchy).DisableAntiforgery();
        signedIn.MapPut("/batch/nodeset", BatchNodeSet).DisableAntiforgery();
        return endpoints;
    }

    internal static async Task<ContentHttpResult> GetNode(string id, NodeStore store, CancellationToken cancellationToken) =>
        RequestJson.Json(await store.GetJsonAsync(ObjectIds.Require(id), cancellationToken) ?? "null");

    internal static async Task<ContentHttpResult> GetNodes(HttpRequest request, NodeStore store, CancellationToken cancellationToken)
    {
        var query = NodeQueryParser.Parse(request.Query, defaultLimit: 50);
        var items = await store.QueryAsync(query, cancellationToken);
        var total = await store.CountAsync(query.Conditions, cancellationToken);
        var json = new StringBuilder("{\"items\":[").AppendJoin(',', items)
            .Append("],\"total\":").Append(total).Append(",\"limit\":").Append(query.Limit).Append(",\"offset\":").Append(query.Offset).Append('}');
        return RequestJson.Json(json.ToString());
    }

    internal static async Task<ContentHttpResult> GetNodesFast(HttpRequest request, NodeStore store, CancellationToken cancellationToken)
    {
        var items = await store.QueryAsync(NodeQueryParser.Parse(request.Query, defaultLimit: null), cancellationToken);
        return RequestJson.Json(new StringBuilder("[").AppendJoin(',', items).Append(']').ToString());
    }

    internal static async Task<Ok<long>> Count(HttpRequest request, NodeStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.CountAsync(NodeQueryParser.Parse(request.Query, null, paging: false).Conditions, cancellationToken));

    internal static async Task<ContentHttpResult> Create(MaestroUser user, HttpContext http, NodeService service)
    {
        return RequestJson.Json(await service.CreateAsync(user, await RequestJson.ReadObjectAsync(http.Request), http.RequestAborted));
    }

    internal static async Task<ContentHttpResult> Replace(string id, MaestroUser user, HttpContext http, NodeService service)
    {
        var body = await RequestJson.ReadObjectAsync(http.Request);
        var node = await service.ReplaceAsync(user, ObjectIds.Require(id), body, RequestJson.Flag(http.Request, "noevent"), http.RequestAborted);
        return RequestJson.Json(node);
    }

    internal static async Task<ContentHttpResult> Patch(string id, MaestroUser user, HttpContext http, NodeService service)
    {
        var body = await RequestJson.ReadObjectAsync(http.Request);
        var node = await service.PatchAsync(user, ObjectIds.Require(id), body, RequestJson.Flag(http.Request, "noevent"), http.RequestAborted);
        return RequestJson.Json(node);
    }

    internal static async Task<ContentHttpResult> PutHierarchy(string id, MaestroUser user, HttpContext http, NodeHierarchy hierarchy)
    {
        var body = await RequestJson.ReadObjectAsync(http.Request);
        var nodes = await hierarchy.PutAsync(user, ObjectIds.Require(id), body, RequestJson.Flag(http.Request, "noevent"), http.RequestAborted);
        return RequestJson.Json(new JsonArray(nodes.Select(n => (JsonNode)n).ToArray()));
    }

    internal static async Task<Ok<int>> BatchNodeSet(MaestroUser user, HttpContext http, NodeBatch batch)
    {
        return TypedResults.Ok(await batch.SetAsync(user, await RequestJson.ReadObjectAsync(http.Request), http.RequestAborted));
    }
}
