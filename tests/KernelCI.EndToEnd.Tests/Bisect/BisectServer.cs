using KernelCI.Testing;

namespace KernelCI.EndToEnd.Tests.Bisect;

/// <summary>A real `kernelci serve` with the demo's jobs and QEMU lab, building nothing by itself (its tree has no
/// build_configs, so every build is one a checkout request asked for), and the tree made from linux-source-6.1.</summary>
internal sealed class BisectServer : IAsyncDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kernelci-bisect-").FullName;
    private HostProcess? _host;

    public LinuxTree Tree { get; private set; } = null!;

    public int BasePort { get; private set; }

    public Uri Api => new($"http://127.0.0.1:{BasePort + 1}/");

    public Uri Pipeline => new($"http://127.0.0.1:{BasePort + 2}/");

    public Uri Kcidb => new($"http://127.0.0.1:{BasePort + 3}/");

    /// <summary>The dashboard API's listener (the base port).</summary>
    public Uri Dashboard => new($"http://127.0.0.1:{BasePort}/");

    public string Output => _host?.Output ?? "";

    public static async Task<BisectServer> StartAsync()
    {
        var server = new BisectServer();
        server.Tree = await LinuxTree.CloneAsync(server._root);
        server.BasePort = FreePort.BasePort();
        var config = PipelineDemoConfig.WriteDirectory(server._root, server.Tree.Url);
        await File.WriteAllTextAsync(Path.Combine(config, "trees.yaml"), $"""
            trees:
              local:
                url: "{server.Tree.Url}"
            """);
        server._host = await HostProcess.StartAsync(Path.Combine(server._root, "data"), null, server.BasePort,
            ["--pipeline-config", config, "--config", PipelineDemoConfig.WriteSettings(server._root)], portOffset: 2);
        return server;
    }

    /// <summary>A pipeline API token allowed to ask for checkouts, as `kernelci pipeline token` gives a developer.</summary>
    public async Task<string> TokenAsync()
    {
        var result = await ProcessRun.RunAsync(RepositoryPaths.HostExecutable,
            ["pipeline", "token", "dev@example.org", "--permission", "checkout", "--data-dir", Path.Combine(_root, "data")], TimeSpan.FromMinutes(2));
        return result.ExitCode == 0 ? result.Output.Trim() : throw new InvalidOperationException("kernelci pipeline token: " + result);
    }

    /// <summary>A KCIDB submitter token of the pipeline's own origin (`maestro`), as `kernelci kcidb token` gives an operator.</summary>
    public async Task<string> KcidbTokenAsync()
    {
        var result = await ProcessRun.RunAsync(RepositoryPaths.HostExecutable,
            ["kcidb", "token", "--data-dir", Path.Combine(_root, "data"), "--origin", "maestro"], TimeSpan.FromMinutes(2));
        return result.ExitCode == 0 ? result.Output.Trim() : throw new InvalidOperationException("kernelci kcidb token: " + result);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
