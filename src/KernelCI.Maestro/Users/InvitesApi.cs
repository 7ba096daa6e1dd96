using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Maestro.Users.Auth;
using KernelCI.ServiceDefaults;
using KernelCI.ServiceDefaults.Jwt;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KernelCI.Maestro.Users;

/// <summary>Invite-only onboarding: an admin invites, the invitee sets a password with the invite token.</summary>
public static class InvitesApi
{
    public static IEndpointRouteBuilder MapUserInvites(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("").RequireAuthorization(MaestroAuthentication.AdminPolicy).MapPost("/user/invite", Invite).DisableAntiforgery();
        endpoints.MapPost("/user/accept-invite", Accept).DisableAntiforgery();
        return endpoints;
    }

    internal static async Task<ContentHttpResult> Invite(HttpContext http, UserStore users, GroupStore groups, SecretStore secrets, TimeProvider time)
    {
        var body = await RequestJson.ReadObjectAsync(http.Request);
        var username = UserFields.Username(UserFields.RequiredText(body, "username"));
        var email = UserFields.Email(UserFields.RequiredText(body, "email"));
        var groupNames = UserFields.OptionalGroups(body) ?? [];
        await groups.RequireExistAsync(groupNames, http.RequestAborted);
        var isSuperuser = UserFields.OptionalFlag(body, "is_superuser") ?? false;
        var returnToken = UserFields.OptionalFlag(body, "return_token") ?? false;

        var user = new MaestroUser(ObjectIds.New(time), username, email, PasswordHasher.Hash(Guid.NewGuid().ToString()), true,
            isSuperuser, false, groupNames, 0);
        if (!await users.InsertAsync(user, http.RequestAborted))
        {
            return Detail.Result(StatusCodes.Status400BadRequest, $"User already exists: {username} (or the email is in use; a name once used is never given to another user)");
        }

        var token = Hs256Jwt.Sign(new JsonObject
        {
            ["sub"] = user.Id,
            ["email"] = email,
            ["purpose"] = "invite",
            ["iat"] = time.GetUtcNow().ToUnixTimeSeconds(),
            ["exp"] = time.GetUtcNow().AddDays(7).ToUnixTimeSeconds(),
        }, secrets.Get(UserTokens.SecretName));
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}";
        var reply = new JsonObject
        {
            ["user"] = user.ToJson(),
            ["email_sent"] = false,
            ["public_base_url"] = baseUrl,
            ["accept_invite_url"] = $"{baseUrl}/user/accept-invite",
        };
        if (returnToken)
        {
            reply["token"] = token;
        }

        return RequestJson.Json(reply);
    }

    internal static async Task<ContentHttpResult> Accept(HttpContext http, UserStore users, SecretStore secrets, TimeProvider time)
    {
        var body = await RequestJson.ReadObjectAsync(http.Request);
        var token = UserFields.RequiredText(body, "token");
        var password = UserFields.Password(UserFields.RequiredText(body, "password"));
        var validation = Hs256Jwt.Validate(token, [secrets.Get(UserTokens.SecretName)], time.GetUtcNow());
        if (!validation.IsValid || validation.GetString("purpose") != "invite" || validation.GetString("sub") is not { } id)
        {
            return Detail.Result(StatusCodes.Status400BadRequest, "Invalid or expired invite token");
        }

        if (await users.ByIdAsync(id, http.RequestAborted) is not { } user)
        {
            return Detail.Result(StatusCodes.Status404NotFound, "User not found");
        }

        if (user.IsVerified)
        {
            return Detail.Result(StatusCodes.Status400BadRequest, "Invite already accepted");
        }

        var updated = user with { PasswordHash = PasswordHasher.Hash(password), IsVerified = true };
        await users.UpdateAsync(updated, http.RequestAborted);
        return RequestJson.Json(updated.ToJson());
    }
}
