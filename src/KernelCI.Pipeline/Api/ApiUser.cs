using Microsoft.AspNetCore.Http;

namespace KernelCI.Pipeline.Api;

/// <summary>The developer a token names, bound as a handler parameter from the user <see cref="PipelineTokenHandler"/>
/// authenticated.</summary>
internal sealed record ApiUser(string Email, IReadOnlyList<string> Permissions)
{
    public static ValueTask<ApiUser?> BindAsync(HttpContext http)
    {
        var user = http.User;
        var email = user.FindFirst(PipelineAuth.EmailClaim)?.Value;
        return ValueTask.FromResult(email is null ? null
            : new ApiUser(email, [.. user.FindAll(PipelineAuth.PermissionsClaim).Select(c => c.Value)]));
    }
}
