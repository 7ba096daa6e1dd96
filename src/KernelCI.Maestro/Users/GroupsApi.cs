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
        var id = await groups.CreateAsync(name, http.RequestAborted) ?? throw MaestroException.BadRequest($"User group already exists: {name}");
        return RequestJson.Json(new JsonObject { ["id"] = id, ["name"] = name });
    }

    internal static async Task<NoContent> Delete(string id, HttpContext http, GroupStore groups, UserStore users)
    {
        var group = (await groups.ListAsync(http.RequestAborted)).FirstOrDefault(g => g.Id == id);
        if (group.Id is null)
        {
            throw MaestroException.NotFound("User group not found");
        }

        if ((await users.ListAsync(http.RequestAborted)).Any(u => u.InGroup(group.Name)))
        {
            throw new MaestroException(StatusCodes.Status409Conflict, $"User group is assigned to users: {group.Name}");
        }

        await groups.DeleteAsync(id, http.RequestAborted);
        return TypedResults.NoContent();
    }
}
