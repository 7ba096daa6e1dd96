using System.Globalization;
using KernelCI.Bench.Infrastructure;
using KernelCI.Bench.KcidbIngest.Ingest;
using Microsoft.Data.Sqlite;

namespace KernelCI.Bench.Notify;

/// <summary>`kernelci serve --only kcidb notifications` on SQLite in a scratch folder, sending through the bench's
/// SMTP sink; subscriptions are written straight into its tables as confirmed (the API would mail a confirmation
/// first, and caps posts from strangers).</summary>
internal sealed class NotifyDeployment : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private NotifyDeployment(ServerProcess server, KcidbHttpClient kcidb, string dataDirectory)
    {
        Server = server;
        Kcidb = kcidb;
        DataDirectory = dataDirectory;
    }

    public ServerProcess Server { get; }

    public KcidbHttpClient Kcidb { get; }

    public string DataDirectory { get; }

    public static async Task<NotifyDeployment> StartAsync(string workDirectory, int smtpPort, TextWriter output, CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(workDirectory, "data");
        var token = await ServerRun.IssueTokenAsync(dataDirectory, cancellationToken);
        var kcidbPort = FreePort.Find();
        var basePort = kcidbPort - 3;
        var log = Path.Combine(workDirectory, "server.log");
        var environment = new Dictionary<string, string>
        {
            ["Notifications__Smtp__Host"] = "127.0.0.1",
            ["Notifications__Smtp__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Notifications__Smtp__Security"] = "none",
            // The limits would turn a checkout's 1,000 regressions into one summary per address (docs/notifications.md,
            // "Summary"): the benchmark measures the reports themselves.
            ["Notifications__PerRecipientLimit"] = "100000000",
            ["Notifications__PerTreeLimit"] = "100000000",
        };
        await output.WriteLineAsync($"starting the server: KCIDB on {kcidbPort}, notifications on {basePort + 5}, SMTP sink on {smtpPort} (log: {log})");
        var server = ServerProcess.Start(RepoPaths.ServerExecutable,
            ["serve", "--data-dir", dataDirectory, "--base-port", basePort.ToString(CultureInfo.InvariantCulture), "--only", "kcidb", "notifications"],
            log, environment);
        var kcidb = new KcidbHttpClient(new Uri($"http://127.0.0.1:{kcidbPort}/"), token);
        try
        {
            await kcidb.WaitHealthyAsync(server, StartTimeout, cancellationToken);
        }
        catch
        {
            kcidb.Dispose();
            await server.DisposeAsync();
            throw;
        }

        return new NotifyDeployment(server, kcidb, dataDirectory);
    }

    /// <summary>Confirmed addresses, each with one subscription to <paramref name="pathOf"/>(its number).</summary>
    public async Task SubscribeAsync(IReadOnlyList<(string Address, string Path)> subscriptions, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using var address = connection.CreateCommand();
        address.Transaction = transaction;
        address.CommandText = "INSERT INTO notification_addresses (address, confirmed_at, created_at) VALUES ($a, $now, $now) ON CONFLICT (address) DO NOTHING";
        var a = address.Parameters.Add("$a", SqliteType.Text);
        address.Parameters.AddWithValue("$now", now);
        await using var subscription = connection.CreateCommand();
        subscription.Transaction = transaction;
        subscription.CommandText = """
            INSERT INTO notification_subscriptions (id, address, path, delivery, created_at) VALUES ($id, $a, $path, 'immediate', $now)
            """;
        var id = subscription.Parameters.Add("$id", SqliteType.Text);
        var sa = subscription.Parameters.Add("$a", SqliteType.Text);
        var path = subscription.Parameters.Add("$path", SqliteType.Text);
        subscription.Parameters.AddWithValue("$now", now);
        foreach (var (to, follows) in subscriptions)
        {
            a.Value = to;
            await address.ExecuteNonQueryAsync(cancellationToken);
            (id.Value, sa.Value, path.Value) = (Guid.NewGuid().ToString("N"), to, follows);
            await subscription.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Submits a document and waits until KCIDB has ingested it; returns when the submission was answered.</summary>
    public async Task<long> SubmitAsync(string path, TextWriter output, CancellationToken cancellationToken)
    {
        var id = await Kcidb.SubmitAsync(path, cancellationToken);
        var answered = System.Diagnostics.Stopwatch.GetTimestamp();
        await new StatusWaiter(Kcidb, Server, output).WaitAsync([id], TimeSpan.FromMinutes(10), cancellationToken);
        return answered;
    }

    /// <summary>The outbox's regression reports to <paramref name="prefix"/>… addresses: count, first and last written
    /// (Unix milliseconds), and their texts in order for the baseline.</summary>
    public async Task<(int Count, long First, long Last, List<(string Recipient, string Message)> Messages)> ReportsAsync(string prefix,
        CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT recipient, message, created_at FROM notification_outbox WHERE kind = 'regression' AND recipient LIKE $p ORDER BY id";
        command.Parameters.AddWithValue("$p", prefix + "%");
        var messages = new List<(string, string)>();
        long first = long.MaxValue, last = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add((reader.GetString(0), reader.GetString(1)));
            first = Math.Min(first, reader.GetInt64(2));
            last = Math.Max(last, reader.GetInt64(2));
        }

        return (messages.Count, first, last, messages);
    }

    public async ValueTask DisposeAsync()
    {
        Kcidb.Dispose();
        await Server.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    private SqliteConnection Open() => new($"Data Source={Path.Combine(DataDirectory, "kernelci.db")};Pooling=False;Default Timeout=60");
}
