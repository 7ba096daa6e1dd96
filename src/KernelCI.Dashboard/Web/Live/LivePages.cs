using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Trees;
using KernelCI.Dashboard.Web.Shared;
using KernelCI.Dashboard.Web.Trees;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Web.Live;

/// <summary>`/live/tree/{name}/{branch}/{commit}`: a commit's counts pushed as Server-Sent Events while results arrive
/// (docs/dashboard.md, "Live results"). Not `/tree/…/{commit}/live`: with the hand-written branch-with-slashes form
/// that is already a page URL (branch `{branch}/{commit}`, tag `live`).</summary>
internal static class LivePages
{
    /// <summary>A comment this often keeps proxies and the browser from closing a quiet stream.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(20);

    public static RouteGroupBuilder MapLivePages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/live/tree/{**path}", StreamAsync);
        return pages;
    }

    /// <summary>The link a commit's page carries to its stream, with the counts it was rendered at.</summary>
    public static async Task<LiveLink> LinkAsync(DashboardDb db, TreePageRoute route, IQueryCollection query, IReadOnlyCollection<string> checkoutIds,
        bool updatesCounts, CancellationToken cancellationToken)
    {
        var counts = await LiveCounts.ReadAsync(db, checkoutIds, cancellationToken);
        var scope = query.Where(q => q.Key is "origin" or "git_branch").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? "")));
        var url = new PageLink("/live" + TreeUrls.Details(route.TreeName, route.Branch, route.Commit!), scope).With();
        return new LiveLink(url, counts.Id, updatesCounts);
    }

    private static async Task<IResult> StreamAsync(string? path, HttpContext http, DashboardDb db, LiveResults live, TimeProvider time,
        DashboardOptions options, IHostApplicationLifetime lifetime, ILogger<LiveResults> logger)
    {
        if (TreePageRoute.Parse(path) is not { Commit: not null } route)
        {
            return PageResults.NotFound("A live stream is /live/tree/NAME/BRANCH/COMMIT.");
        }

        var scope = TreeScope.Direct(route.TreeName, route.Branch, route.Commit, http.Request.Query);
        var checkouts = await TreeCheckouts.FindAsync(db, scope, http.RequestAborted);
        if (checkouts.Count == 0)
        {
            return PageResults.NotFound($"No checkout of {route.Commit} on {route.TreeName} {route.Branch} from origin {scope.Origin}.");
        }

        // Subscribed before the first read, so a batch committed in between is not missed.
        using var subscription = live.TrySubscribe(checkouts.Select(c => c.Id).ToHashSet(StringComparer.Ordinal), options.MaxLiveStreams);
        if (subscription is null)
        {
            // EventSource retries on its own; the page itself works without its stream.
            http.Response.Headers.RetryAfter = "30";
            return TypedResults.Problem($"{options.MaxLiveStreams} live streams are open, the most this server serves; try again later",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        using var heartbeat = time.CreateTimer(_ => subscription.Heartbeat(), null, HeartbeatInterval, HeartbeatInterval);
        // A stopping server ends its streams rather than wait for them (EventSource reconnects, to another replica or
        // to this one restarted, and its Last-Event-ID says what it has).
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        LiveLog.StreamOpened(logger, checkouts.Count, http.Request.Path);
        try
        {
            await LiveStream.RunAsync(http, db, subscription, Since(http), ended.Token);
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
            // The client went away or the server stops: the stream ends, and so does its subscription.
        }

        return Results.Empty;
    }

    // EventSource resends the last id it saw when it reconnects; the page's own counts start it.
    private static string? Since(HttpContext http) =>
        http.Request.Headers["Last-Event-ID"].LastOrDefault() is { Length: > 0 } last ? last : Http.QueryValues.Optional(http.Request.Query, "since");
}
