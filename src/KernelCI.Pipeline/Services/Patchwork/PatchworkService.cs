using System.Globalization;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Events;
using KernelCI.ServiceDefaults;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Patchwork;

/// <summary>Follows Patchwork projects and reports back (docs/integrations.md). Every PollPeriod, for each project
/// that is not waiting out a back-off: read `series-completed` events after the stored cursor and take each series
/// once; read comment events for a maintainer's retest request; start the taken series (<see cref="SeriesStarter"/>);
/// follow the series under test through their patchset node's tree (<see cref="SeriesChecks"/>); post the checks
/// recorded and not yet posted. Everything it must not forget is in the database (<see cref="PatchworkStore"/>), so a
/// restart neither misses a series nor posts a check twice. A project that fails (unreachable, refused token) is
/// retried with back-off and shown on `/health/patchwork`; the others go on.</summary>
internal sealed class PatchworkService(PatchworkOptions options, PatchworkStore store, PatchworkHealth health, SeriesStarter starter,
    MaestroClient maestro, SecretStore secrets, TimeProvider time, ILogger<PatchworkService> logger) : BackgroundService
{
    private const string SeriesCompleted = "series-completed";
    private const string CommentCreated = "patch-comment-created";

    private readonly HttpClient _http = new() { Timeout = options.RequestTimeout };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Projects.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.PollPeriod, time);
        do
        {
            await PollAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One poll of every project that is due; failures are recorded per project, never thrown.</summary>
    public async Task PollAsync(CancellationToken cancellationToken)
    {
        foreach (var project in options.Projects.Where(health.Due))
        {
            try
            {
                await PollProjectAsync(project, cancellationToken);
                if (health.Succeeded(project))
                {
                    PatchworkLog.Recovered(logger, project.Source);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var (failures, delay) = health.Failed(project, e.Message);
                PatchworkLog.Failing(logger, project.Source, failures, delay, e.Message);
            }
        }
    }

    private async Task PollProjectAsync(PatchworkProject project, CancellationToken cancellationToken)
    {
        var token = secrets.Find(project.TokenSecretName)
            ?? throw new PatchworkException($"no API token: the data folder's secrets.json has no '{project.TokenSecretName}'");
        var client = new PatchworkClient(_http, project, token, options.MaxMboxBytes);
        await TakeSeriesAsync(client, project, cancellationToken);
        await TakeRetestsAsync(client, project, cancellationToken);
        foreach (var row in await store.WithStatusAsync(project.Source, "new", cancellationToken))
        {
            await StartAsync(client, project, row, cancellationToken);
            // Its `pending` (or refusal) now, not after the rest of a long queue.
            await PostAsync(client, project, cancellationToken);
        }

        foreach (var row in await store.WithStatusAsync(project.Source, "testing", cancellationToken))
        {
            await FollowAsync(project, row, cancellationToken);
        }

        await PostAsync(client, project, cancellationToken);
    }

    private async Task TakeSeriesAsync(PatchworkClient client, PatchworkProject project, CancellationToken cancellationToken)
    {
        foreach (var (id, date, payload) in await NewEventsAsync(client, project, SeriesCompleted, cancellationToken))
        {
            if (payload["series"]?["id"]?.GetValue<long>() is { } series && await store.TakeAsync(project.Source, series, cancellationToken))
            {
                PatchworkLog.Taken(logger, project.Source, series, id);
            }

            await store.SetCursorAsync(project.Source, SeriesCompleted, date, id, cancellationToken);
        }
    }

    /// <summary>A comment whose own line is the retest keyword, by a maintainer of the project (the people Patchwork
    /// lets post checks), starts the next run of the commented patch's series.</summary>
    private async Task TakeRetestsAsync(PatchworkClient client, PatchworkProject project, CancellationToken cancellationToken)
    {
        var events = await NewEventsAsync(client, project, CommentCreated, cancellationToken);
        HashSet<string>? maintainers = null;
        foreach (var (id, date, payload) in events)
        {
            if (payload["comment"]?["url"]?.ToString() is { } url && payload["patch"]?["id"]?.GetValue<long>() is { } patchId)
            {
                var comment = await client.CommentAsync(url, cancellationToken);
                var asks = (comment["content"]?.ToString() ?? "").Split('\n').Any(l => l.Trim().Equals(options.RetestKeyword, StringComparison.OrdinalIgnoreCase));
                var email = comment["submitter"]?["email"]?.ToString() ?? "";
                maintainers ??= asks ? await MaintainersAsync(client, cancellationToken) : null;
                if (asks && maintainers!.Contains(email))
                {
                    var patch = await client.PatchAsync(patchId, cancellationToken);
                    foreach (var series in (patch["series"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        var seriesId = series["id"]!.GetValue<long>();
                        if (await store.RetestAsync(project.Source, seriesId, cancellationToken) is { } run)
                        {
                            PatchworkLog.Retest(logger, project.Source, seriesId, run, email);
                        }
                    }
                }
            }

            await store.SetCursorAsync(project.Source, CommentCreated, date, id, cancellationToken);
        }
    }

    private static async Task<HashSet<string>> MaintainersAsync(PatchworkClient client, CancellationToken cancellationToken) =>
        new((await client.ProjectAsync(cancellationToken))["maintainers"] is JsonArray list
            ? list.OfType<JsonObject>().Select(m => m["email"]?.ToString() ?? "").Where(e => e.Length > 0)
            : [], StringComparer.OrdinalIgnoreCase);

    /// <summary>Events of <paramref name="category"/> after the cursor, oldest first. Patchwork's `since` is `>=`, so the
    /// cursor's own date is asked again and the events up to its id dropped. The first poll starts Lookback back.</summary>
    private async Task<List<(long Id, string Date, JsonObject Payload)>> NewEventsAsync(PatchworkClient client, PatchworkProject project,
        string category, CancellationToken cancellationToken)
    {
        var cursor = await store.CursorAsync(project.Source, category, cancellationToken);
        var since = cursor?.Date ?? (time.GetUtcNow().UtcDateTime - options.Lookback).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var events = new List<(long Id, string Date, DateTime When, JsonObject Payload)>();
        foreach (var e in await client.EventsAsync(category, since, cancellationToken))
        {
            if (e["id"]?.GetValue<long>() is not { } id || e["date"]?.ToString() is not { } date
                || !DateTime.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var when))
            {
                continue;
            }

            if (cursor is { } c && DateTime.TryParse(c.Date, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
                && (when < at || (when == at && id <= c.Id)))
            {
                continue;
            }

            events.Add((id, date, when, e["payload"] as JsonObject ?? []));
        }

        return [.. events.OrderBy(e => e.When).ThenBy(e => e.Id).Select(e => (e.Id, e.Date, e.Payload))];
    }

    private async Task StartAsync(PatchworkClient client, PatchworkProject project, SeriesRow row, CancellationToken cancellationToken)
    {
        SeriesRow started;
        IReadOnlyList<PendingCheck> checks;
        try
        {
            (started, checks) = await starter.StartAsync(client, project, row, cancellationToken);
        }
        catch (Exception e) when (e is not PatchworkException && (e is not OperationCanceledException || Transient.Is(e, cancellationToken)))
        {
            // Maestro, storage or the tree's git host away (or a bug): the row stays `new` for the next poll, and the
            // project's other series go on.
            PatchworkLog.Deferred(logger, project.Source, row.SeriesId, row.Run, e);
            return;
        }

        foreach (var check in checks)
        {
            await store.AddCheckAsync(project.Source, row.SeriesId, check, cancellationToken);
        }

        await store.UpdateAsync(started, cancellationToken);
        switch (started.Status)
        {
            case "testing":
                PatchworkLog.Testing(logger, project.Source, row.SeriesId, row.Run, started.NodeId!);
                break;
            case "refused":
                PatchworkLog.Refused(logger, project.Source, row.SeriesId, row.Run, started.Message ?? "");
                break;
            default:
                PatchworkLog.Skipped(logger, project.Source, row.SeriesId, started.Message ?? "");
                break;
        }
    }

    /// <summary>Records the checks the series' node tree now gives: a context's state once, and never `pending`
    /// again after a final state.</summary>
    private async Task FollowAsync(PatchworkProject project, SeriesRow row, CancellationToken cancellationToken)
    {
        if (await maestro.GetNodeAsync(row.NodeId!, cancellationToken) is not { } patchset)
        {
            return;
        }

        var kbuilds = (await maestro.GetNodesFastAsync(new NodeFilter().Where("parent", patchset.Id).Where("kind", "kbuild"), cancellationToken)).ToList();
        var jobs = new List<MaestroNode>();
        foreach (var kbuild in kbuilds)
        {
            jobs.AddRange(await maestro.GetNodesFastAsync(new NodeFilter().Where("parent", kbuild.Id).Where("kind", "job"), cancellationToken));
        }

        foreach (var result in SeriesChecks.Of(options.ContextPrefix, patchset, kbuilds, jobs))
        {
            foreach (var patch in row.Patches)
            {
                var states = await store.StatesAsync(project.Source, patch, row.Run, result.Context, cancellationToken);
                if (states.Contains(result.State) || (result.State == "pending" && states.Count > 0))
                {
                    continue;
                }

                await store.AddCheckAsync(project.Source, row.SeriesId,
                    new PendingCheck(patch, row.Run, result.Context, result.State, row.Message, result.Description), cancellationToken);
            }
        }

        if (patchset.State == "done")
        {
            await store.UpdateAsync(row with { Status = "done" }, cancellationToken);
            PatchworkLog.Done(logger, project.Source, row.SeriesId, row.Run);
        }
    }

    /// <summary>Posts what is recorded and not yet posted. A check that may have been posted just before a crash is
    /// looked up on Patchwork first (as kernel-patches-daemon reads a context's checks before posting).</summary>
    private async Task PostAsync(PatchworkClient client, PatchworkProject project, CancellationToken cancellationToken)
    {
        foreach (var check in await store.UnpostedAsync(project.Source, cancellationToken))
        {
            var existing = await client.ChecksAsync(check.PatchId, check.Context, cancellationToken);
            if (!existing.Any(c => c["state"]?.ToString() == check.State && c["description"]?.ToString() == check.Description))
            {
                await client.PostCheckAsync(check.PatchId, check, cancellationToken);
                PatchworkLog.Posted(logger, project.Source, check.Context, check.State, check.PatchId);
            }

            await store.MarkPostedAsync(project.Source, check, cancellationToken);
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }
}
