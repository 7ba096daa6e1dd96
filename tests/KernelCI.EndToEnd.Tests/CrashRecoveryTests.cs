using System.Collections.Concurrent;
using System.Text;
using KernelCI.Client.Kcidb;
using KernelCI.Data;
using KernelCI.ServiceDefaults;
using KernelCI.Kcidb.Store;
using KernelCI.Kcidb.Submissions;
using KernelCI.Testing;

namespace KernelCI.EndToEnd.Tests;

public sealed class CrashRecoveryTests
{
    private const int Writers = 4;

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Every_acknowledged_submission_is_ingested_exactly_once_after_SIGKILL(DatabaseKind kind)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var dataDirectory = Directory.CreateTempSubdirectory("kernelci-crash-").FullName;
        await using var postgres = kind == DatabaseKind.PostgreSql ? await TestDatabase.CreateAsync(kind) : null;
        var connectionString = postgres?.Database.ConnectionString;
        var token = SubmissionAuthenticator.IssueToken(
            new SecretStore(dataDirectory).Get(SubmissionAuthenticator.SecretName), "crash", false, DateTimeOffset.UtcNow.AddHours(1));
        var basePort = FreePort.BasePort();
        var acknowledged = new ConcurrentDictionary<string, int>();
        var enoughAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Given a server taking submissions from several writers
        var host = await HostProcess.StartAsync(dataDirectory, connectionString, basePort);
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, Writers).Select(w => WriteUntilStoppedAsync(host.KcidbUrl, token, w, acknowledged, enoughAcknowledged, stop.Token)).ToArray();

        // When it is killed in the middle of the stream, then restarted
        await enoughAcknowledged.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);

        await host.KillAsync();
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        await host.DisposeAsync();
        await using var restarted = await HostProcess.StartAsync(dataDirectory, connectionString, basePort);

        // Then every submission answered 200 is processed, and recorded once
        using var http = new HttpClient { BaseAddress = restarted.KcidbUrl };
        var client = new KcidbClient(http, token);
        foreach (var id in acknowledged.Keys)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(TimeSpan.FromSeconds(60));
            var status = await client.WaitAsync(id, TimeSpan.FromMilliseconds(50), cancellationToken: wait.Token);
            Assert.True(status.Status == "processed", $"{id}: {status.Status} {string.Join("; ", status.Errors ?? [])}\n{restarted.Output}");
        }

        await using var database = connectionString is null
            ? Database.OpenSqliteFile(Path.Combine(dataDirectory, KcidbSqliteFile.FileName))
            : Database.Open(connectionString);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        foreach (var (id, number) in acknowledged)
        {
            Assert.Equal(1L, await CountAsync(connection, "SELECT COUNT(*) FROM kcidb_submissions WHERE id = @id", id));
            Assert.Equal(10L, await CountAsync(connection, "SELECT COUNT(*) FROM tests WHERE build_id = @id", $"crash:b{number}"));
        }

        await restarted.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDirectory, recursive: true);
    }

    private static async Task WriteUntilStoppedAsync(Uri url, string token, int writer, ConcurrentDictionary<string, int> acknowledged, TaskCompletionSource enough, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(10) };
        var client = new KcidbClient(http, token);
        for (var n = writer; !stop.IsCancellationRequested; n += Writers)
        {
            try
            {
                var reply = await client.SubmitAsync(new MemoryStream(Document(n)), stop);
                acknowledged[reply.Id] = n;
                if (acknowledged.Count >= 40)
                {
                    enough.TrySetResult();
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or KcidbClientException)
            {
                // The server is gone: requests in flight at the kill were never acknowledged, so they may be lost.
                if (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    private static byte[] Document(int n)
    {
        var tests = string.Join(',', Enumerable.Range(0, 10).Select(t =>
            $$"""{"id":"crash:t{{n}}_{{t}}","origin":"crash","build_id":"crash:b{{n}}","path":"boot","status":"PASS"}"""));
        return Encoding.UTF8.GetBytes($$"""
            {"version":{"major":5,"minor":3},
             "checkouts":[{"id":"crash:c{{n}}","origin":"crash","tree_name":"mainline"}],
             "builds":[{"id":"crash:b{{n}}","origin":"crash","checkout_id":"crash:c{{n}}","status":"PASS"}],
             "tests":[{{tests}}]}
            """);
    }

    private static async Task<long> CountAsync(System.Data.Common.DbConnection connection, string sql, string id)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("id", id);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
