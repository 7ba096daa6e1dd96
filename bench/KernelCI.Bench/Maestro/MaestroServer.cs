using KernelCI.Bench.Infrastructure;
using KernelCI.Client.Maestro;
using KernelCI.Data;

namespace KernelCI.Bench.Maestro;

/// <summary>`kernelci serve --only maestro` on a fresh data folder (and database), with an admin token for it.</summary>
internal sealed class MaestroServer : IAsyncDisposable
{
    private readonly ServerProcess _process;
    private readonly string _directory;

    private MaestroServer(ServerProcess process, string directory, Database database, HttpClient http, string token)
    {
        _process = process;
        _directory = directory;
        Database = database;
        Http = http;
        Token = token;
    }

    public Database Database { get; }

    public int ProcessId => _process.Id;

    public HttpClient Http { get; }

    public string Token { get; }

    public MaestroClient Client() => new(Http, Token);

    public static async Task<MaestroServer> StartAsync(string? connection, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("kernelci-bench-maestro-").FullName;
        var dbArgs = connection is null ? Array.Empty<string>() : ["--database", connection];
        await RunAsync(["users", "add", "bench", "--admin", "--data-dir", directory, .. dbArgs], cancellationToken);
        var token = (await RunAsync(["users", "token", "bench", "--data-dir", directory, .. dbArgs], cancellationToken)).Trim();
        var basePort = FreePort.Find();
        var process = ServerProcess.Start(RepoPaths.ServerExecutable,
            ["serve", "--only", "maestro", "--data-dir", directory, "--base-port", (basePort - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), .. dbArgs],
            Path.Combine(directory, "server.log"));
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1000, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var http = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{basePort}/latest/"), Timeout = TimeSpan.FromMinutes(5) };
        var database = connection is null ? Database.OpenSqliteFile(Path.Combine(directory, "kernelci.db")) : Database.Open(connection);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException) when (attempt < 300 && !process.HasExited)
            {
            }

            if (attempt >= 300 || process.HasExited)
            {
                throw new BenchFailure("the Maestro server did not start:\n" + process.Tail());
            }

            await Task.Delay(100, cancellationToken);
        }

        return new MaestroServer(process, directory, database, http, token);
    }

    private static async Task<string> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(RepoPaths.ServerExecutable, arguments, cancellationToken);
        return result.ExitCode == 0 ? result.Output : throw new BenchFailure($"kernelci {string.Join(' ', arguments)}: {result.Error}");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _process.DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
