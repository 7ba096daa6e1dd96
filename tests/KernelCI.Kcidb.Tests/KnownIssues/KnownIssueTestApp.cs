using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Kcidb.KnownIssues;
using KernelCI.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Kcidb.Tests.KnownIssues;

/// <summary>The KCIDB component with its storage and an allowlisted host on a <see cref="LogHost"/>: logs under
/// <c>/storage/</c> are in our storage, <c>localhost</c> is on Dashboard:ProxyAllowedHosts, and <c>127.0.0.1</c> outside
/// <c>/storage/</c> is on neither.</summary>
internal sealed class KnownIssueTestApp : IAsyncDisposable
{
    public const string Origin = "maestro";

    private KnownIssueTestApp(KcidbTestApp kcidb, LogHost logs)
    {
        Kcidb = kcidb;
        Logs = logs;
    }

    public KcidbTestApp Kcidb { get; }

    public LogHost Logs { get; }

    public Database Database => Kcidb.Database;

    public ResultTriageWorker Worker => Kcidb.App.Services.GetRequiredService<ResultTriageWorker>();

    public static async Task<KnownIssueTestApp> StartAsync(DatabaseKind kind, int backfillDays = 14)
    {
        var logs = await LogHost.StartAsync();
        var kcidb = await KcidbTestApp.StartAsync(kind, new KcidbOptions { Origin = Origin, KnownIssueBackfillDays = backfillDays },
            configuration: new Dictionary<string, string?> { ["Dashboard:ProxyAllowedHosts:0"] = "localhost", ["Dashboard:ProxyTimeoutSeconds"] = "10" },
            storage: new Uri(logs.Base, "storage/"));
        return new KnownIssueTestApp(kcidb, logs);
    }

    public Uri StorageLog(string name) => new(Logs.Base, "storage/" + name);

    /// <summary>Submits a document with the origin's token and waits until it is ingested.</summary>
    public async Task SubmitAsync(string origin, string document)
    {
        var token = Kcidb.Token(origin);
        using var response = await Kcidb.Client.SendAsync(Kcidb.Request(HttpMethod.Post, "/submit", token, document), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!.GetValue<string>();
        await WaitAsync(() => Task.FromResult(Kcidb.Spool.StatusOf(id) is KernelCI.Kcidb.Spool.SubmissionStatus.Processed or KernelCI.Kcidb.Spool.SubmissionStatus.Failed));
        Assert.True(Kcidb.Spool.StatusOf(id) == KernelCI.Kcidb.Spool.SubmissionStatus.Processed, string.Join("\n", Kcidb.Spool.FailureReasons(id)));
    }

    /// <summary>A checkout, a build and a test of <paramref name="origin"/>, both failed unless said otherwise.</summary>
    public static string Results(string origin, string suffix, Uri? buildLog = null, Uri? testLog = null, string path = "boot",
        string platform = "qemu-x86", string testStatus = "FAIL", string buildStatus = "FAIL", string config = "tinyconfig",
        string architecture = "x86_64", string compiler = "gcc-12")
    {
        var o = origin;
        var buildLogField = buildLog is null ? "" : $", \"log_url\": \"{buildLog}\"";
        var testLogField = testLog is null ? "" : $", \"log_url\": \"{testLog}\"";
        return "{\"version\": {\"major\": 5, \"minor\": 3},"
            + $"\"checkouts\": [{{\"id\": \"{o}:c{suffix}\", \"origin\": \"{o}\", \"tree_name\": \"mainline\", \"git_repository_branch\": \"master\"}}],"
            + $"\"builds\": [{{\"id\": \"{o}:b{suffix}\", \"origin\": \"{o}\", \"checkout_id\": \"{o}:c{suffix}\", \"status\": \"{buildStatus}\", "
            + $"\"config_name\": \"{config}\", \"architecture\": \"{architecture}\", \"compiler\": \"{compiler}\"{buildLogField}}}],"
            + $"\"tests\": [{{\"id\": \"{o}:t{suffix}\", \"origin\": \"{o}\", \"build_id\": \"{o}:b{suffix}\", \"path\": \"{path}\", \"status\": \"{testStatus}\","
            + $" \"environment\": {{\"misc\": {{\"platform\": \"{platform}\"}}}}{testLogField}}}]}}";
    }

    /// <summary>The incidents of our origin: (issue id, issue version, build or test id).</summary>
    public async Task<List<(string Issue, long Version, string Result)>> IncidentsAsync()
    {
        await using var connection = await Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT issue_id, issue_version, COALESCE(build_id, test_id) FROM incidents WHERE origin = 'maestro' ORDER BY 3, 1";
        var rows = new List<(string, long, string)>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add((reader.GetString(0), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(2)));
        }

        return rows;
    }

    public async Task<List<(string Id, long Version)>> IssuesAsync()
    {
        await using var connection = await Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, version FROM issues WHERE origin = 'maestro' ORDER BY id, version";
        var rows = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add((reader.GetString(0), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    /// <summary>Waits for the worker to read everything ingested so far and for what it submitted to be ingested.</summary>
    public async Task SettleAsync()
    {
        await using var connection = await Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await WaitAsync(async () =>
        {
            var failed = Directory.Exists(Kcidb.Spool.FailedDirectory) ? Directory.GetFiles(Kcidb.Spool.FailedDirectory, "*.json") : [];
            Assert.True(failed.Length == 0, "a submission failed: " + string.Join("\n", failed.Select(File.ReadAllText)));
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT (SELECT COUNT(*) FROM tests WHERE status IN ('FAIL', 'ERROR') AND (_timestamp > c.ts OR (_timestamp = c.ts AND id > c.id)))
                FROM kcidb_result_cursor c WHERE c.source = 'tests'
                """;
            var tests = Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            command.CommandText = command.CommandText.Replace("tests", "builds", StringComparison.Ordinal);
            var builds = Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            command.CommandText = "SELECT COUNT(*) FROM kcidb_known_issues WHERE backfill_pending";
            var pending = Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return tests + builds + pending == 0 && Kcidb.Spool.CountReady() == 0;
        });
    }

    public static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Kcidb.DisposeAsync();
        await Logs.DisposeAsync();
    }
}
