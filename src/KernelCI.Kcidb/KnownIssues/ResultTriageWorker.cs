using System.Text.Json.Nodes;
using System.Threading.Channels;
using KernelCI.Data;
using KernelCI.Kcidb.Logs;
using KernelCI.Kcidb.Store;
using KernelCI.Triage;
using KernelCI.Triage.Kcidb;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Kcidb.KnownIssues;

/// <summary>Triages every origin's failed builds and tests after ingestion (docs/regressions.md, "Other origins' logs" and
/// "Known issues"): other origins' logs from our storage or an allowlisted host through <see cref="LogTriage"/>, and every
/// origin's tests against the known issues' matchers. What it finds is submitted as our origin's issues and incidents
/// (<see cref="OwnSubmission"/>). It reads from a cursor over the results' <c>_timestamp</c>, moved only once what it
/// found is spooled, so a crash loses nothing (a result may be triaged twice, giving the same ids). It wakes when a batch
/// is committed in this process (<see cref="CheckoutChanges"/>, as the regression tracker does), when a matcher changes,
/// and once at start; nothing polls.</summary>
internal sealed class ResultTriageWorker(
    Database database, KnownIssueStore store, LogReader logs, OwnSubmission submission, KnownIssueSettings settings, TimeProvider time,
    ILogger<ResultTriageWorker> logger) : BackgroundService
{
    private const int BatchSize = 200;

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ResultScan _scan = new(database);
    private IDisposable? _subscription;

    /// <summary>After each pass over what was waiting: how many results were read.</summary>
    public event Action<int>? Passed;

    public void Wake() => _wake.Writer.TryWrite(true);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = CheckoutChanges.For(database).Subscribe(_ => Wake());
        Wake();
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _wake.Reader.WaitToReadAsync(stoppingToken))
        {
            _wake.Reader.TryRead(out _);
            try
            {
                var read = await PassAsync(stoppingToken);
                Passed?.Invoke(read);
            }
            // A failure is logged and retried at the next wake; it must never stop the host.
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                KnownIssueLog.Failed(logger, e.Message);
            }
        }
    }

    private async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        var matchers = await store.ListAsync(cancellationToken);
        var read = 0;
        foreach (var matcher in matchers.Where(m => m.BackfillPending))
        {
            read += await BackfillAsync(matcher, cancellationToken);
        }

        foreach (var source in new[] { ResultScan.Builds, ResultScan.Tests })
        {
            while (true)
            {
                var (ts, id) = await store.CursorAsync(source, cancellationToken);
                var rows = await _scan.AfterAsync(source, ts, id, BatchSize, cancellationToken);
                if (rows.Count == 0)
                {
                    break;
                }

                await TriageAsync(rows, matchers, triageLogs: settings.TriageLogs, cancellationToken);
                await store.SetCursorAsync(source, rows[^1].Cursor, rows[^1].Id, cancellationToken);
                read += rows.Count;
            }
        }

        return read;
    }

    private async Task<int> BackfillAsync(KnownIssue matcher, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().AddDays(-settings.BackfillDays);
        object? ts = null;
        var id = "";
        var (read, incidents) = (0, 0);
        while (settings.BackfillDays > 0)
        {
            var rows = await _scan.SinceAsync(matcher.MatchesBuilds ? ResultScan.Builds : ResultScan.Tests, since, matcher.Origin, ts, id, BatchSize,
                cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }

            incidents += await TriageAsync(rows, [matcher], triageLogs: false, cancellationToken);
            (ts, id) = (rows[^1].Cursor, rows[^1].Id);
            read += rows.Count;
        }

        await store.BackfilledAsync(matcher.IssueId, matcher.Version, cancellationToken);
        KnownIssueLog.Backfilled(logger, matcher.IssueId, matcher.Version, settings.BackfillDays, incidents);
        return read;
    }

    // One submission for the rows: the triage issues and incidents, and the matchers' incidents. The number of incidents.
    private async Task<int> TriageAsync(IReadOnlyList<ResultRow> rows, IReadOnlyList<KnownIssue> matchers, bool triageLogs,
        CancellationToken cancellationToken)
    {
        var triaged = new List<TriagedResult>();
        var incidents = new List<JsonNode>();
        foreach (var row in rows)
        {
            // Our own logs are triaged by send-kcidb already (Services/SendKcidb/LogTriageIssues.cs).
            var triage = triageLogs && row.Origin != settings.Origin && row.LogUrl is not null;
            var matching = matchers.Where(m => m.MatchesResult(row)).ToList();
            var needsLog = triage || matching.Any(m => m.LogRegex is not null);
            var log = needsLog ? await ReadLogAsync(row, cancellationToken) : null;
            if (triage && log is not null)
            {
                var problems = LogTriage.Parse(log, row.Kind == ResultKind.Build ? LogKind.Build : LogKind.Boot);
                if (problems.Count > 0)
                {
                    triaged.Add(new TriagedResult(row.Kind == ResultKind.Build ? TriagedResultKind.Build : TriagedResultKind.Test, row.Id, problems));
                }
            }

            foreach (var matcher in matching)
            {
                if (matcher.LogRegex is null)
                {
                    incidents.Add(KnownIssueObjects.Incident(matcher, settings.Origin, row, null));
                }
                else if (log is not null && matcher.MatchLog(log) is { } evidence)
                {
                    incidents.Add(KnownIssueObjects.Incident(matcher, settings.Origin, row, evidence));
                }
            }
        }

        var document = TriageDocument.Create(settings.Origin, triaged);
        var allIncidents = document["incidents"]!.AsArray().Select(n => n!.DeepClone()).Concat(incidents).ToList();
        var issues = document["issues"]!.AsArray().Select(n => n!.DeepClone()).ToList();
        if (await submission.SubmitAsync(settings.Origin, KnownIssueObjects.Document(issues, allIncidents), cancellationToken) is { } id)
        {
            KnownIssueLog.Submitted(logger, rows.Count, issues.Count, allIncidents.Count, id);
        }

        return incidents.Count;
    }

    private async Task<string?> ReadLogAsync(ResultRow row, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(row.LogUrl, UriKind.Absolute, out var url))
        {
            return null;
        }

        try
        {
            return await logs.ReadAsync(url, cancellationToken);
        }
        catch (LogUnavailableException e)
        {
            KnownIssueLog.LogUnavailable(logger, row.Id, LogFetcher.Describe(url), e.Message);
            return null;
        }
    }
}
