using KernelCI.Bench.Infrastructure;

namespace KernelCI.Bench.Storage.Servers;

/// <summary>`kernelci serve --only storage` on a fresh data folder, with an upload token.</summary>
internal sealed class StorageServer(ServerProcess process, Uri baseUri, string token, string filesRoot) : IAsyncDisposable
{
    public ServerProcess Process => process;

    public Uri BaseUri => baseUri;

    public string Token => token;

    /// <summary>Where the local backend keeps objects, by key; nginx serves this folder.</summary>
    public string FilesRoot => filesRoot;

    public static async Task<StorageServer> StartAsync(string workDirectory, StorageSettings settings, HttpClient probe, TextWriter output, CancellationToken cancellationToken)
    {
        if (!File.Exists(RepoPaths.ServerExecutable))
        {
            throw new BenchFailure($"{RepoPaths.ServerExecutable} is missing; run the benchmarks through ./bench.sh, which builds it");
        }

        var dataDirectory = Path.Combine(workDirectory, "storage-data");
        var port = FreePort.Find();
        var log = Path.Combine(workDirectory, "storage-server.log");
        await output.WriteLineAsync($"[kernelci] starting the storage server on port {port} (log: {log})");
        var (executable, arguments) = Launcher.Wrap(RepoPaths.ServerExecutable,
            ["serve", "--only", "storage", "--data-dir", dataDirectory, "--base-port", (port - 4).ToString()], settings.ServerCpus, settings.ServerEnvironment);
        await output.WriteLineAsync($"[kernelci] {string.Join(' ', [executable, .. arguments])}");
        var process = ServerProcess.Start(executable, arguments, log);
        try
        {
            var baseUri = new Uri($"http://127.0.0.1:{port}/");
            await Readiness.WaitAsync(probe, new Uri(baseUri, "health"), process, anyStatus: false, cancellationToken);
            var token = await IssueTokenAsync(dataDirectory, cancellationToken);
            return new StorageServer(process, baseUri, token, Path.Combine(dataDirectory, "storage", "files"));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();

    private static async Task<string> IssueTokenAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(
            RepoPaths.ServerExecutable, ["storage", "token", "bench@example.org", "--data-dir", dataDirectory], cancellationToken);
        if (result.ExitCode != 0 || string.IsNullOrWhiteSpace(result.Output))
        {
            throw new BenchFailure($"kernelci storage token exited with {result.ExitCode}: {result.Error}");
        }

        return result.Output.Trim();
    }
}
