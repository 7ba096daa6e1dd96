using System.Text.Json.Nodes;
using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Hardware;

/// <summary>Upstream's hardware endpoints (kernelci/dashboard: backend/kernelCI_app/urls.py; docs/dashboard-api.md,
/// "Hardware"). Not found is HTTP 200 with `{"error"}`, upstream's messages, which kci-dev stops on.</summary>
internal static class HardwareApi
{
    private const int MaxCommits = 1000;

    private static readonly string[] BuildSorts = ["start_time", "status", "duration", "config_name", "architecture"];

    private static readonly string[] TestSorts = ["start_time", "status", "duration", "path"];

    public static RouteGroupBuilder MapHardware(this RouteGroupBuilder api)
    {
        api.MapGet("/hardware", ListAsync).WithSummary("Hardware tested in a window, with grouped counts");
        api.MapGet("/hardware/selectors", SelectorsAsync).WithSummary("Trees, branches and revisions an origin tested in 30 days");
        api.MapGet("/hardware-by-revision", ByRevisionAsync).WithSummary("Hardware tested at one revision, with every status counted");
        api.MapPost("/hardware/{id}", (HttpContext http, string id, DashboardDb db, ILoggerFactory logs, CancellationToken ct) =>
            DetailsAsync(http, id, db, logs, "full", ct)).WithSummary("A hardware's builds, boots, tests, summary and trees");
        foreach (var part in new[] { "summary", "builds", "boots", "tests" })
        {
            api.MapPost("/hardware/{id}/" + part, (HttpContext http, string id, DashboardDb db, ILoggerFactory logs, CancellationToken ct) =>
                DetailsAsync(http, id, db, logs, part, ct)).WithSummary($"A hardware's {part}");
        }

        api.MapPost("/hardware/{id}/commit-history", CommitHistoryAsync).WithSummary("Earlier commits of the trees a hardware page shows");
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, DashboardDb db, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var origin = QueryValues.Optional(query, "origin") ?? HardwareDetailsRequest.DefaultOrigin;
        var start = QueryValues.Seconds(query, "startTimestampInSeconds") ?? throw new BadParameterException("startTimestampInSeconds", "is required");
        var end = QueryValues.Seconds(query, "endTimestampInSeconds") ?? throw new BadParameterException("endTimestampInSeconds", "is required");
        if (end < start)
        {
            throw new BadParameterException("endTimestampInSeconds", "must not be before startTimestampInSeconds");
        }

        var commits = QueryValues.Csv(query, "commitsList", MaxCommits);
        var page = PageRequest.From(query, ["platform"]);
        var hardware = await new HardwareListingQuery(db).ListAsync(origin, start, end, commits, cancellationToken);
        if (hardware.Count == 0)
        {
            return Replies.UpstreamNotFound("No hardware found");
        }

        var items = Paging.Apply(http, hardware, page, (h, _) => h.Platform, h => h.Platform + "\n" + string.Join(",", h.Hardware ?? []), out _);
        return TypedResults.Json(new { hardware = items });
    }

    private static async Task<IResult> SelectorsAsync(HttpContext http, DashboardDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var origin = QueryValues.Optional(http.Request.Query, "origin") ?? HardwareDetailsRequest.DefaultOrigin;
        return TypedResults.Json(await new HardwareSelectorsQuery(db, time).SelectorsAsync(origin, cancellationToken));
    }

    private static async Task<IResult> ByRevisionAsync(HttpContext http, DashboardDb db, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var origin = QueryValues.Optional(query, "origin") ?? HardwareDetailsRequest.DefaultOrigin;
        var hardware = await new HardwareListingQuery(db).ByRevisionAsync(origin, QueryValues.Required(query, "tree_name"),
            QueryValues.Required(query, "git_repository_url"), QueryValues.Required(query, "git_repository_branch"),
            QueryValues.Required(query, "git_commit_hash"), cancellationToken);
        return TypedResults.Json(new { hardware });
    }

    private static async Task<IResult> DetailsAsync(HttpContext http, string id, DashboardDb db, ILoggerFactory logs, string part,
        CancellationToken cancellationToken)
    {
        var hardware = HardwareId(id);
        var request = await HardwareDetailsRequest.ReadAsync(http.Request, cancellationToken);
        var fullMisc = QueryValues.Optional(http.Request.Query, "full_environment_misc") is { } flag && Flag(flag);
        var page = part switch
        {
            "builds" => PageRequest.From(http.Request.Query, BuildSorts),
            "boots" or "tests" => PageRequest.From(http.Request.Query, TestSorts),
            _ => PageRequest.None,
        };
        var query = new HardwareDetailsQuery(db);
        var trees = await query.TreesAsync(hardware, request.Origin, request.Start, request.End, cancellationToken);
        if (trees.Count == 0)
        {
            return Replies.UpstreamNotFound("This hardware isn't associated with any commit");
        }

        // The summary reads the aggregates unless a filter needs what only test rows have (paths, test durations, issues).
        var selected = WithSelection(trees, request.SelectedCommits);
        var rows = part == "summary" && !Trees.TreeFilterKinds.NeedsTestRows(request.Filters)
            ? await query.SummaryRowsAsync(hardware, request, selected, cancellationToken)
            : await query.RecordsAsync(hardware, request, selected, fullMisc, cancellationToken);
        HardwareLog.DetailsRead(logs.CreateLogger(typeof(HardwareApi).FullName!), hardware, part, trees.Count, rows.Count);
        if (rows.Count == 0)
        {
            return Replies.UpstreamNotFound(part switch
            {
                "builds" => "No builds found for this hardware",
                "boots" => "No boots found for this hardware",
                "tests" => "No tests found for this hardware",
                _ => "Hardware not found",
            });
        }

        var details = HardwareDetails.From(hardware, request.Filters, rows, fullMisc);
        return part switch
        {
            "builds" => TypedResults.Json(new { builds = Paging.Apply(http, details.Builds, page, BuildSort, b => b.Id, out _) }),
            "boots" => TypedResults.Json(new { boots = Paging.Apply(http, details.Boots, page, TestSort, t => t.Id, out _) }),
            "tests" => TypedResults.Json(new { tests = Paging.Apply(http, details.Tests, page, TestSort, t => t.Id, out _) }),
            "summary" => TypedResults.Json(new JsonObject
            {
                ["summary"] = details.Summary(),
                ["filters"] = details.Filters(),
                ["common"] = details.Common(trees),
            }),
            _ => TypedResults.Json(new JsonObject
            {
                ["builds"] = System.Text.Json.JsonSerializer.SerializeToNode(details.Builds, HardwareJson.Options),
                ["boots"] = System.Text.Json.JsonSerializer.SerializeToNode(details.Boots, HardwareJson.Options),
                ["tests"] = System.Text.Json.JsonSerializer.SerializeToNode(details.Tests, HardwareJson.Options),
                ["summary"] = details.Summary(),
                ["filters"] = details.Filters(),
                ["common"] = details.Common(trees),
            }),
        };
    }

    private static async Task<IResult> CommitHistoryAsync(HttpContext http, string id, DashboardDb db, CancellationToken cancellationToken)
    {
        _ = HardwareId(id);
        var body = await HardwareDetailsRequest.ReadBodyAsync(http.Request, cancellationToken);
        var (origin, start, end, heads) = HardwareCommitHistory.Parse(body);
        var table = await new HardwareCommitHistory(db).TableAsync(origin, start, end, heads, cancellationToken);
        return table.Count == 0
            ? Replies.UpstreamNotFound("Commit history not found")
            : TypedResults.Json(new JsonObject { ["commit_history_table"] = table });
    }

    /// <summary>Each tree with the commit shown: the selected one ("head" or empty: the head), and whether it is
    /// selected (upstream's get_trees_with_selected_commit).</summary>
    private static List<HardwareTree> WithSelection(List<HardwareTree> trees, IReadOnlyDictionary<string, string> selected) =>
        [.. trees.Select(t => selected.TryGetValue(t.Index, out var commit)
            ? t with { HeadGitCommitHash = commit is "" or "head" ? t.HeadGitCommitHash : commit, IsSelected = true }
            : t with { IsSelected = false })];

    // kci-dev quotes the name with quote_plus (`mediatek%2Cmt8195`); routing leaves an encoded slash encoded.
    private static string HardwareId(string id)
    {
        var decoded = Uri.UnescapeDataString(id);
        if (decoded.Length == 0 || decoded.Contains('\0', StringComparison.Ordinal))
        {
            throw new BadParameterException("hardware_id", "must be a platform or a compatible");
        }

        return decoded;
    }

    private static bool Flag(string value) => value.ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => throw new BadParameterException("full_environment_misc", "must be true or false"),
    };

    private static object? BuildSort(HardwareBuildItem build, string field) => field switch
    {
        "start_time" => build.StartTime,
        "status" => build.Status,
        "duration" => build.Duration,
        "config_name" => build.ConfigName,
        _ => build.Architecture,
    };

    private static object? TestSort(HardwareTestItem test, string field) => field switch
    {
        "start_time" => test.StartTime,
        "status" => test.Status,
        "duration" => test.Duration,
        _ => test.Path,
    };
}
