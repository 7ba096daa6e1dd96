using KernelCI.Data;
using KernelCI.Testing;
using KernelCI.Triage;
using KernelCI.Triage.Kcidb;

namespace KernelCI.Kcidb.Tests.KnownIssues;

/// <summary>Other origins' failed builds and tests triaged from their logs after ingestion (docs/regressions.md, "Other
/// origins' logs"), on both databases, with logs in our storage and on an allowlisted local HTTP server.</summary>
public sealed class ResultTriageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Other_origins_failed_test_with_a_log_in_our_storage_gets_the_triage_issue_send_kcidb_would_give(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);

        await app.SubmitAsync("lab", KnownIssueTestApp.Results("lab", "1", testLog: app.StorageLog("boot.log.gz")));
        await app.SettleAsync();

        var problem = Assert.Single(LogTriage.Parse(LogHost.BootLog, LogKind.Boot));
        var issueId = TriageDocument.IssueId("maestro", problem);
        Assert.Equal([(issueId, 1L, "lab:t1")], await app.IncidentsAsync());
        Assert.Contains((issueId, 1L), await app.IssuesAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Other_origins_failed_build_with_a_log_on_an_allowlisted_host_is_triaged(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);

        await app.SubmitAsync("lab", KnownIssueTestApp.Results("lab", "1", buildLog: new Uri(app.Logs.Localhost, "lab/build.log"), testStatus: "PASS"));
        await app.SettleAsync();

        var incident = Assert.Single(await app.IncidentsAsync());
        Assert.Equal("lab:b1", incident.Result);
        Assert.StartsWith("maestro:triage_", incident.Issue, StringComparison.Ordinal);
        Assert.Equal(1, app.Logs.Requests("lab/build.log"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Log_on_a_host_outside_the_allowlist_is_never_fetched(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);

        // 127.0.0.1 serves our storage under /storage/ only; this path is elsewhere on it.
        await app.SubmitAsync("lab", KnownIssueTestApp.Results("lab", "1", testLog: new Uri(app.Logs.Base, "elsewhere/boot.log")));
        await app.SettleAsync();

        Assert.Equal(0, app.Logs.Requests("elsewhere/boot.log"));
        Assert.Empty(await app.IncidentsAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Our_own_origins_logs_are_left_to_send_kcidb(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);

        await app.SubmitAsync("maestro", KnownIssueTestApp.Results("maestro", "1", testLog: app.StorageLog("own-boot.log")));
        await app.SettleAsync();

        Assert.Equal(0, app.Logs.Requests("storage/own-boot.log"));
        Assert.Empty(await app.IncidentsAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Results_ingested_while_the_worker_was_down_are_triaged_when_it_starts(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);
        await app.Worker.StopAsync(TestContext.Current.CancellationToken);

        await app.SubmitAsync("lab", KnownIssueTestApp.Results("lab", "1", testLog: app.StorageLog("boot.log")));
        Assert.Equal(0, app.Logs.Requests("storage/boot.log"));
        await app.Worker.StartAsync(TestContext.Current.CancellationToken);
        await app.SettleAsync();

        Assert.Equal("lab:t1", Assert.Single(await app.IncidentsAsync()).Result);
    }
}
