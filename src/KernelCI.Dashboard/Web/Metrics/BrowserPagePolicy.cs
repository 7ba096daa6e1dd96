using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace KernelCI.Dashboard.Web.Metrics;

/// <summary>Every listener serves Prometheus' `/metrics` (KernelCI.ServiceDefaults ComponentMetrics), and upstream's
/// metrics page is `/metrics` too (dashboard.md §2): when a request matches both, a browser asking for `text/html` gets
/// the page and anything else (scrapers, curl, benchmarks) the Prometheus text, as before (docs/dashboard.md, "Metrics").</summary>
internal sealed class BrowserPagePolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<BrowserPageMetadata>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var (page, other) = (false, false);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i))
            {
                page |= IsPage(candidates[i].Endpoint);
                other |= !IsPage(candidates[i].Endpoint);
            }
        }

        if (!page || !other)
        {
            return Task.CompletedTask;
        }

        var wantsHtml = httpContext.Request.GetTypedHeaders().Accept
            .Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i) && IsPage(candidates[i].Endpoint) != wantsHtml)
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }

    private static bool IsPage(Endpoint? endpoint) => endpoint?.Metadata.GetMetadata<BrowserPageMetadata>() is not null;
}
