using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace KernelCI.ServiceDefaults.Authentication;

/// <summary>ASP.NET Core makes a lone scheme the default, and its authentication middleware then checks a token on every
/// request. Without a default, only the routes whose policy names the scheme pay for it: downloads, queries, /health and
/// /metrics do not.</summary>
internal sealed class NoDefaultSchemeProvider(IOptions<AuthenticationOptions> options) : AuthenticationSchemeProvider(options)
{
    public override Task<AuthenticationScheme?> GetDefaultAuthenticateSchemeAsync() => Task.FromResult<AuthenticationScheme?>(null);
}
