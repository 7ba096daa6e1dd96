using System.Text.Json;
using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Http;
using KernelCI.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KernelCI.Dashboard.Regressions.Tracked;

/// <summary>`regressions/` and `flaky/`: ours, not upstream's (upstream removed its regression tracker in 2025); the
/// tracker's tables read as they are (docs/regressions.md, docs/dashboard-api.md "Regressions and flaky series").
/// Paged by `limit` (1-500, 100) and `offset`; newest first bad commit first, flakiest series first.</summary>
internal static class TrackedRegressionsApi
{
    private static readonly string[] States = ["open", "fixed", "closed", "invalid", "all"];

    public static RouteGroupBuilder MapTrackedRegressions(this RouteGroupBuilder api)
    {
        api.MapGet("/regressions", ListAsync).WithSummary("Regressions found in every origin's results, with their last good and first bad commits");
        api.MapGet("/flaky", FlakyAsync).WithSummary("Series whose results flip between commits, flakiest first");
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, DashboardDb db, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var state = QueryValues.Optional(query, "state") ?? "open";
        if (!States.Contains(state))
        {
            throw new BadParameterException("state", "must be " + string.Join(", ", States));
        }

        var (limit, offset) = Page(query);
        var filter = TrackedFilter.From(query);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = filter.Apply(command) + (state == "all" ? "" : " AND state = @state");
        command.AddParameter("state", state);
        command.AddParameter("limit", limit);
        command.AddParameter("offset", offset);
        command.CommandText = $"""
            SELECT id, state, origin, tree_name, git_repository_branch, kind, path, config_name, architecture, compiler, platform,
                   last_good_commit, last_good_result, first_bad_commit, first_bad_result, first_bad_time, fixed_by_commit, failures,
                   culprit_commit, culprit_subject, culprit_author, culprit_issue, bisection
            FROM kcidb_regressions
            WHERE {where}
            ORDER BY first_bad_time DESC, id
            LIMIT @limit OFFSET @offset
            """;
        var items = new List<RegressionItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new RegressionItem(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetString(9), reader.GetString(10),
                reader.GetString(11), reader.GetString(12), reader.GetString(13), reader.GetString(14), db.Sql.ReadTime(reader, 15)!.Value,
                Text(reader, 16), JsonSerializer.Deserialize<string[]>(reader.GetString(17)) ?? [],
                Text(reader, 18), Text(reader, 19), Text(reader, 20), Text(reader, 21), Text(reader, 22)));
        }

        return TypedResults.Ok(new TrackedPage<RegressionItem>(items, limit, offset));
    }

    private static async Task<IResult> FlakyAsync(HttpContext http, DashboardDb db, CancellationToken cancellationToken)
    {
        var (limit, offset) = Page(http.Request.Query);
        var filter = TrackedFilter.From(http.Request.Query);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = filter.Apply(command);
        command.AddParameter("limit", limit);
        command.AddParameter("offset", offset);
        command.CommandText = $"""
            SELECT origin, tree_name, git_repository_branch, kind, path, config_name, architecture, compiler, platform, flip_rate, flaky_since
            FROM kcidb_series
            WHERE flaky AND {where}
            ORDER BY flip_rate DESC, origin, tree_name, git_repository_branch, path, platform
            LIMIT @limit OFFSET @offset
            """;
        var items = new List<FlakyItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new FlakyItem(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetDouble(9), db.Sql.ReadTime(reader, 10)));
        }

        return TypedResults.Ok(new TrackedPage<FlakyItem>(items, limit, offset));
    }

    private static string? Text(System.Data.Common.DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static (int Limit, int Offset) Page(IQueryCollection query) =>
        (QueryValues.Int(query, "limit", 100, 1, 500), QueryValues.Int(query, "offset", 0, 0));
}
