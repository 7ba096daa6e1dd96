using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Storage.Auth;

/// <summary>Who is uploading: the `email` of the token <see cref="StorageAuthenticationHandler"/> accepted, bound as a
/// handler parameter on the endpoints of <see cref="StorageAuthentication.Policy"/>.</summary>
internal sealed record Uploader(string Email)
{
    public static ValueTask<Uploader?> BindAsync(HttpContext http, ParameterInfo parameter) =>
        ValueTask.FromResult(http.User.FindFirst(StorageAuthenticationHandler.EmailClaim)?.Value is { } email ? new Uploader(email) : null);
}
