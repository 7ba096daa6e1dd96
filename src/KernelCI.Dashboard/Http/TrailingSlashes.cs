using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Http;

/// <summary>Upstream's routes end in a slash (`tree/`) and Django redirects the slashless form, which kci-dev calls
/// (`tree?…`, `tree-report?…`; kci-dev.md §3.1). Routes here are mapped without it and a trailing slash is dropped
/// before routing, so both forms answer directly, without a redirect.</summary>
internal sealed class TrailingSlashes(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path is { Length: > 5 } && path.EndsWith('/') && path.StartsWith("/api/", StringComparison.Ordinal))
        {
            context.Request.Path = new PathString(path.TrimEnd('/'));
        }

        return next(context);
    }
}
