using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Kcidb.Submissions;

/// <summary>Who holds the request's token: bound as a handler parameter on the routes that require one.</summary>
public sealed record SubmitterIdentity(string Origin, bool Admin)
{
    private const string OriginClaim = "origin";
    private const string AdminClaim = "admin";

    public static ValueTask<SubmitterIdentity?> BindAsync(HttpContext http) =>
        ValueTask.FromResult(http.User.FindFirst(OriginClaim) is { } origin
            ? new SubmitterIdentity(origin.Value, http.User.HasClaim(AdminClaim, "true"))
            : null);

    internal ClaimsIdentity ToClaimsIdentity(string scheme) =>
        new(Admin ? [new(OriginClaim, Origin), new(AdminClaim, "true")] : [new Claim(OriginClaim, Origin)], scheme);
}
