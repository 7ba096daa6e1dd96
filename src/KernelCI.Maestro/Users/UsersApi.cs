using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Maestro.Nodes;
using KernelCI.Maestro.Users.Auth;
using KernelCI.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KernelCI.Maestro.Users;

public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/user/login", Login).DisableAntiforgery().WithSummary("Form username/password to a bearer JWT");
        endpoints.MapGroup("").RequireAuthorization(MaestroAuthentication.OptionalPolicy)
            .MapPost("/user/register", Register).DisableAntiforgery();

        var signedIn = endpoints.MapGroup("").RequireAuthorization(MaestroAuthentication.UserPolicy);
        signedIn.MapPost("/user/logout", Logout).DisableAntiforgery().WithSummary("Revokes every token of the caller (upstream's does nothing)");
        signedIn.MapGet("/whoami", WhoAmI);
        signedIn.MapGet("/users", ListUsers);
        signedIn.MapGet("/user/{id}", GetUser);
        signedIn.MapPatch("/user/me", PatchMe).DisableAntiforgery();

        var admin = endpoints.MapGroup("").RequireAuthorization(MaestroAuthentication.AdminPolicy);
        admin.MapPost("/user/{id}/revoke-tokens", RevokeTokens).DisableAntiforgery().WithSummary("Admin: revoke every token of a user");
        admin.MapPatch("/user/{id}", PatchUser).DisableAntiforgery();
        admin.MapDelete("/user/{id}", DeleteUser);
        endpoints.MapUserInvites();
        endpoints.MapGroups();
        return endpoints;
    }

    internal static async Task<Results<Ok<JsonObject>, ContentHttpResult>> Login(HttpContext http, UserStore users, SecretStore secrets, MaestroOptions options, TimeProvider time)
    {
        if (!http.Request.HasFormContentType)
        {
            return Detail.Result(StatusCodes.Status400BadRequest, "login expects a form with username and password");
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException e)
        {
            return Detail.Result(StatusCodes.Status400BadRequest, "login form is malformed: " + e.Message);
        }

        // The username is a statement parameter, which PostgreSQL refuses with U+0000 in it (an error, not a reason).
        var username = TextInput.Require(form["username"].ToString(), "username");
        var password = TextInput.Require(form["password"].ToString(), "password");
        var user = await users.ByUsernameAsync(username, http.RequestAborted);
        if (user is null || !user.IsActive || !PasswordHasher.Verify(password, user.PasswordHash))
        {
            return Detail.Result(StatusCodes.Status400BadRequest, "LOGIN_BAD_CREDENTIALS");
        }

        if (!user.IsVerified)
        {
            return Detail.Result(StatusCodes.Status400BadRequest, "LOGIN_USER_NOT_VERIFIED");
        }

        var token = UserTokens.Issue(secrets.Get(UserTokens.SecretName), user.Id, user.TokenVersion, time.GetUtcNow() + options.TokenLifetime);
        return TypedResults.Ok(new JsonObject { ["access_token"] = token, ["token_type"] = "bearer" });
    }

    internal static async Task<NoContent> Logout(MaestroUser user, HttpContext http, UserStore users)
    {
        await users.UpdateAsync(user with { TokenVersion = user.TokenVersion + 1 }, http.RequestAborted);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<NoContent, ContentHttpResult>> RevokeTokens(string id, HttpContext http, UserStore users)
    {
        if (await users.ByIdAsync(id, http.RequestAborted) is not { } user)
        {
            return Detail.Result(StatusCodes.Status404NotFound, "User not found");
        }

        await users.UpdateAsync(user with { TokenVersion = user.TokenVersion + 1 }, http.RequestAborted);
        return TypedResults.NoContent();
    }

    internal static ContentHttpResult WhoAmI(MaestroUser user) => RequestJson.Json(user.ToJson());

    internal static async Task<ContentHttpResult> ListUsers(HttpContext http, UserStore users)
    {
        var all = (await users.ListAsync(http.RequestAborted))
            .Where(u => http.Request.Query.All(q => q.Key is "limit" or "offset" || u.ToJson()[q.Key]?.ToString() == q.Value.ToString()))
            .ToList();
        var page = NodeQueryParser.Parse(new QueryCollection(http.Request.Query.Where(q => q.Key is "limit" or "offset").ToDictionary()), 50);
        var items = all.Skip(page.Offset).Take(page.Limit ?? int.MaxValue).Select(u => (JsonNode)u.ToJson()).ToArray();
        return RequestJson.Json(new JsonObject { ["items"] = new JsonArray(items), ["total"] = all.Count, ["limit"] = page.Limit, ["offset"] = page.Offset });
    }

    internal static async Task<ContentHttpResult> GetUser(string id, HttpContext http, UserStore users)
    {
        return await users.ByIdAsync(id, http.RequestAborted) is { } user ? RequestJson.Json(user.ToJson()) : Detail.Result(StatusCodes.Status404NotFound, "User not found");
    }

    internal static async Task<ContentHttpResult> PatchMe(MaestroUser user, HttpContext http, UserStore users)
    {
        var body = await RequestJson.ReadObjectAsync(http.Request);
        if (body.ContainsKey("groups") || body.ContainsKey("is_superuser"))
        {
            return Detail.Result(StatusCodes.Status400BadRequest, "only username, email and password may be changed here");
        }

        var updated = await UserPatch.ApplyAsync(user, body, null, users, http.RequestAborted);
        return RequestJson.Json(updated.ToJson());
    }

    internal static async Task<ContentHttpResult> PatchUser(string id, HttpContext http, UserStore users, GroupStore groups)
    {
        if (await users.ByIdAsync(id, http.RequestAborted) is not { } user)
        {
            return Detail.Result(StatusCodes.Status404NotFound, "User not found");
        }

        var updated = await UserPatch.ApplyAsync(user, await RequestJson.ReadObjectAsync(http.Request), groups, users, http.RequestAborted);
        return RequestJson.Json(updated.ToJson());
    }

    internal static async Task<Results<NoContent, ContentHttpResult>> DeleteUser(string id, HttpContext http, UserStore users) =>
        await users.DeleteAsync(id, http.RequestAborted) ? TypedResults.NoContent() : Detail.Result(StatusCodes.Status404NotFound, "User not found");

    /// <summary>Upstream's self-registration is closed: admins are pointed to invites, everyone else refused.</summary>
    internal static ContentHttpResult Register(MaestroUser? user) => user is { IsSuperuser: true }
        ? Detail.Result(StatusCodes.Status404NotFound, "Not Found: use /user/invite")
        : Detail.Result(StatusCodes.Status403Forbidden, "Forbidden");
}
