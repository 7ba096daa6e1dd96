using System.Text.Json.Nodes;
using KernelCI.Maestro.Users.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KernelCI.Maestro.Users;

public static class GroupsApi
{
    public static IEndpointRouteBuilder MapGroups(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/user-groups").RequireAuthorization(MaestroAuthentication.AdminPolicy);
        admin.MapGet("", List);
        admin.MapPost("", Create).DisableAntiforgery();
        admin.MapDelete("/{id}", Delete);
        return endpoints;
    }

    internal static async Task<ContentHttpResult> List(HttpContext http, GroupStore groups)
    {
        var items = (await groups.ListAsync(http.RequestAborted)).Select(g => (JsonNode)new JsonObject { ["id"] = g.Id, ["name"] = g.Name }).ToArray();
        return RequestJson.Json(new JsonObject { ["items"] = new JsonArray(items), ["total"] = items.Length, ["limit"] = 50, ["offset"] = 0 });
    }

    internal static async Task<ContentHttpResult> Create(HttpContext http, GroupStore groups)
    {
        var body = await RequestJson.ReadObjectAsync(http.Request);
        var name = UserFields.GroupName(UserFields.RequiredText(body, "name"));
        return await groups.CreateAsync(name, http.RequestAborted) is { } id
            ? RequestJson.Json(new JsonObject { ["id"] = id, ["name"] = name })
            : Detail.Result(StatusCodes.Status400BadRequest, $"User group already exists: {name}");
    }

    internal static async Task<Results<NoContent, ContentHttpResult>> Delete(string id, HttpContext http, GroupStore groups, UserStore users)
    {
        var group = (await groups.ListAsync(http.RequestAborted)).FirstOrDefault(g => g.Id == id);
        if (group.Id is null)
        {
            return Detail.Result(StatusCodes.Status404NotFound, "User group not found");
        }

        if ((await users.ListAsync(http.RequestAborted)).Any(u => u.InGroup(group.Name)))
        {
            return Detail.Result(StatusCodes.Status409Conflict, $"User group is assigned to users: {group.Name}");
        }

        await groups.DeleteAsync(id, http.RequestAborted);
        return TypedResults.NoContent();
    }
}
