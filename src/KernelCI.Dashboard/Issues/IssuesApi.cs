using System.Text.Json.Nodes;
using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Filters;
using KernelCI.Dashboard.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Issues;

/// <summary>issue/, issue/{id}, issue/{id}/builds, issue/{id}/tests and POST issue/extras/ (kernelci/dashboard:
/// backend/kernelCI_app/views/issueView.py, issueDetailsView.py, issueDetailsBuildsView.py, issueDetailsTestsView.py,
/// issueExtrasView.py; docs/dashboard-api.md, "Issues").</summary>
internal static class IssuesApi
{
    // Upstream's texts (constants/localization.py, ClientStrings): kci-dev matches "No builds…" and "No tests…".
    public const string NoIssues = "No issues found";
    public const string IssueNotFound = "Issue not found";
    public const string NoBuilds = "No builds found for this issue";
    public const string NoTests = "No tests found for this issue";
    public const string EmptyList = "Invalid body, the issue list must not be empty";
    public const string NoExtras = "No extra details found. Issue id has no incident or doesn't exist.";

    /// <summary>The most (id, version) pairs one issue/extras/ request may ask about.</summary>
    public const int MaxExtrasPairs = 10_000;

    private static readonly string[] ListingSortable = ["field_timestamp", "id", "origin", "version", "comment"];
    private static readonly string[] BuildSortable = ["start_time", "id", "status", "duration", "config_name", "architecture"];
    private static readonly string[] TestSortable = ["start_time", "id", "status", "duration", "path"];

    public static RouteGroupBuilder MapIssues(this RouteGroupBuilder api)
    {
        api.MapGet("/issue", ListAsync).WithSummary("Issues of a time window with their first incident (upstream: issue/)");
        api.MapPost("/issue/extras", ExtrasAsync).WithSummary("First and last incidents, trees and tags of issue versions (upstream: issue/extras/)");
        api.MapGet("/issue/{id}", DetailsAsync).WithSummary("One issue version and its extras (upstream: issue/{id})");
        api.MapGet("/issue/{id}/builds", BuildsAsync).WithSummary("The builds an issue version's incidents name (upstream: issue/{id}/builds)");
        api.MapGet("/issue/{id}/tests", TestsAsync).WithSummary("The tests an issue version's incidents name (upstream: issue/{id}/tests)");
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, DashboardDb db, IssueListingCache cache, TimeProvider clock, ILoggerFactory logs,
        CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var (start, end) = Window(query, clock.GetUtcNow());
        var filters = FilterParser.FromQuery(query);
        var page = PageRequest.From(query, ListingSortable);
        var started = clock.GetTimestamp();
        var window = await cache.WindowAsync(start, end, cancellationToken);
        IReadOnlyList<IssueListingRow> rows = window is { } cached ? cached.Rows : await IssueListingQuery.ReadAsync(db, start, end, cancellationToken);
        if (rows.Count == 0)
        {
            return Replies.UpstreamNotFound(NoIssues);
        }

        var log = logs.CreateLogger(IssuesLog.Category);
        var snapshot = window?.Snapshot;
        // An unpaged answer depends only on the window's run of rows and the issue filters: kept whole in the snapshot.
        var key = snapshot is null || page.IsPaged ? (IssueListingSnapshot.AnswerKey?)null
            : new IssueListingSnapshot.AnswerKey(window!.Value.Rows.Offset, rows.Count, AnswerFilters(filters));
        if (key is { } kept && snapshot!.TryGetAnswer(kept, out var answer))
        {
            IssueListingCacheLog.Answered(log, rows.Count, answer.Length);
            return new JsonBytesResult(answer, IssueListingResult.ContentType);
        }

        var read = clock.GetTimestamp();
        var listing = IssueListingBuilder.Build(rows, filters);
        var built = clock.GetTimestamp();
        IssuesLog.Listed(log, rows.Count, listing.Issues.Count);
        if (key is { } fresh)
        {
            var bytes = IssueListingResult.Render(listing, snapshot, IssueListingResult.Encoder(http.RequestServices));
            snapshot!.TryKeepAnswer(fresh, bytes, cache.Limit);
            IssuesLog.ListingTimed(log, listing.Issues.Count, clock.GetElapsedTime(started, read).TotalMilliseconds,
                clock.GetElapsedTime(read, built).TotalMilliseconds, clock.GetElapsedTime(built).TotalMilliseconds, bytes.Length);
            return new JsonBytesResult(bytes, IssueListingResult.ContentType);
        }

        var issues = Paging.Apply(http, listing.Issues, page, SortValue, i => i.Id + "," + i.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), out _);
        if (page.IsPaged)
        {
            var ids = issues.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
            listing = listing with { Issues = issues, Extras = listing.Extras.Where(e => ids.Contains(e.Key)).ToDictionary() };
        }

        // Where a listing's time goes (docs/benchmarks.md, "dashboard", session 14): at 10,000 issues the answer is
        // 7.4 MB and the read, the steps in memory and the writing each take their share.
        var readMs = clock.GetElapsedTime(started, read).TotalMilliseconds;
        var builtMs = clock.GetElapsedTime(read, built).TotalMilliseconds;
        return new IssueListingResult(listing, log.IsEnabled(LogLevel.Debug)
            ? (writtenAt, bytes) => IssuesLog.ListingTimed(log, listing.Issues.Count, readMs, builtMs,
                clock.GetElapsedTime(built, writtenAt).TotalMilliseconds, bytes)
            : null, clock, snapshot);
    }

    // The filters the listing applies (IssueListingBuilder.Passes), each sorted: the rest of the filter_* grammar does
    // not change its answer.
    private static string AnswerFilters(FilterSet filters) => System.Text.Json.JsonSerializer.Serialize(new[]
    {
        filters.IssueCulprits.Order(StringComparer.Ordinal).ToArray(),
        filters.Origins.Order(StringComparer.Ordinal).ToArray(),
        filters.IssueOptions.Order(StringComparer.Ordinal).ToArray(),
        filters.IssueCategories.Order(StringComparer.Ordinal).ToArray(),
    });

    private static async Task<IResult> DetailsAsync(string id, HttpContext http, DashboardDb db, CancellationToken cancellationToken)
    {
        var version = Version(http.Request.Query) ?? await IssueQueries.LatestVersionAsync(db, id, cancellationToken);
        if (version is null || await IssueQueries.DetailsAsync(db, id, version.Value, cancellationToken) is not { } found)
        {
            return Replies.UpstreamNotFound(IssueNotFound);
        }

        var extra = await IssueExtras.ReadAsync(db, [(id, version.Value)], cancellationToken);
        var row = found.Row;
        return TypedResults.Json(new IssueDetails(row.FieldTimestamp, row.Id, row.Version, row.Origin, found.ReportUrl, found.ReportSubject,
            row.CulpritCode, row.CulpritTool, row.CulpritHarness, row.Comment, found.Misc, row.Categories, extra));
    }

    private static async Task<IResult> BuildsAsync(string id, HttpContext http, DashboardDb db, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var page = PageRequest.From(query, BuildSortable);
        var builds = await IssueQueries.BuildsAsync(db, id, Version(query), QueryValues.Optional(query, "filter_origin"), cancellationToken);
        if (builds.Count == 0)
        {
            return Replies.UpstreamNotFound(NoBuilds);
        }

        return TypedResults.Json(Paging.Apply(http, builds, page, BuildSortValue, b => b.Id, out _));
    }

    private static async Task<IResult> TestsAsync(string id, HttpContext http, DashboardDb db, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var page = PageRequest.From(query, TestSortable);
        var tests = await IssueQueries.TestsAsync(db, id, Version(query), QueryValues.Optional(query, "filter_origin"), cancellationToken);
        if (tests.Count == 0)
        {
            return Replies.UpstreamNotFound(NoTests);
        }

        return TypedResults.Json(Paging.Apply(http, tests, page, TestSortValue, t => t.Id, out _));
    }

    private static async Task<IResult> ExtrasAsync(HttpContext http, DashboardDb db, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: cancellationToken);
        var keys = ExtrasRequest.Read(body, MaxExtrasPairs);
        if (keys.Count == 0)
        {
            return Replies.BadRequest(EmptyList);
        }

        var extras = await IssueExtras.ReadAsync(db, keys, cancellationToken);
        IssuesLog.Extras(logs.CreateLogger(IssuesLog.Category), keys.Count, extras.Count);
        if (extras.Count == 0)
        {
            return Replies.UpstreamNotFound(NoExtras);
        }

        return TypedResults.Json(new { issues = extras });
    }

    /// <summary>[startTimestampInSeconds, endTimestampInSeconds]; the end defaults to now and the start to the end less
    /// `interval_in_days` (7). Upstream ignores interval_in_days, which kci-dev sends; we honour it when there is no
    /// start (docs/dashboard-api.md, "Issues").</summary>
    private static (DateTimeOffset Start, DateTimeOffset End) Window(IQueryCollection query, DateTimeOffset now)
    {
        var end = QueryValues.Seconds(query, "endTimestampInSeconds") ?? now;
        var days = QueryValues.Int(query, "interval_in_days", 7, 1, 3650);
        var start = QueryValues.Seconds(query, "startTimestampInSeconds") ?? end.AddDays(-days);
        if (start > end)
        {
            throw new BadParameterException("startTimestampInSeconds", "must not be after endTimestampInSeconds");
        }

        return (start, end);
    }

    private static long? Version(IQueryCollection query) =>
        QueryValues.Optional(query, "version") is null ? null : QueryValues.Int(query, "version", 0, 0);

    private static object? SortValue(IssueRow issue, string field) => field switch
    {
        "field_timestamp" => issue.FieldTimestamp,
        "origin" => issue.Origin,
        "version" => issue.Version,
        "comment" => issue.Comment,
        _ => issue.Id,
    };

    private static object? BuildSortValue(IssueBuild build, string field) => field switch
    {
        "start_time" => build.StartTime,
        "status" => build.Status,
        "duration" => build.Duration,
        "config_name" => build.ConfigName,
        "architecture" => build.Architecture,
        _ => build.Id,
    };

    private static object? TestSortValue(IssueTest test, string field) => field switch
    {
        "start_time" => test.StartTime,
        "status" => test.Status,
        "duration" => test.Duration,
        "path" => test.Path,
        _ => test.Id,
    };
}
