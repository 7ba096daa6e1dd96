using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Client.Kcidb;
using KernelCI.Client.Maestro;
using KernelCI.ServiceDefaults;
using KernelCI.Testing;

namespace KernelCI.EndToEnd.Tests.Pipeline;

/// <summary>A real `kernelci serve` on the demo's pipeline configuration (config/pipeline) polling a clone of the test
/// Linux tree: the setup of <see cref="LoopRun"/> and of the LAVA end-to-end run. Each host's kbuilds share one ccache
/// for the machine, so the second host to build the same tinyconfig kernel compiles almost nothing.</summary>
internal sealed class LoopHost : IAsyncDisposable
{
    private LoopHost(HostProcess process, LinuxTree tree)
    {
        Process = process;
        Tree = tree;
        Maestro = new MaestroClient(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{process.BasePort + 1}/latest/") });
        // Queries are public; the token is never checked.
        Kcidb = new KcidbClient(new HttpClient { BaseAddress = process.KcidbUrl }, "none");
    }

    /// <summary>KERNELCI_TEST_CCACHE, default /tmp/kernelci-test-ccache.</summary>
    public static string SharedCcache => KernelCI.Testing.SharedCcache.Directory;

    public HostProcess Process { get; }

    public LinuxTree Tree { get; }

    public MaestroClient Maestro { get; }

    public KcidbClient Kcidb { get; }

    public string Output => Process.Output;

    /// <summary>The pipeline listener (base port + 2): the developer API and LAVA's callbacks.</summary>
    public Uri PipelineUrl => Process.Url;

    /// <param name="root">The test's scratch folder: the tree's clone, the data folder and the configuration go here.</param>
    /// <param name="configure">Called with the configuration folder and the pipeline listener's URL before the host starts.</param>
    /// <param name="secrets">Secrets an operator would have put into the data folder's secrets.json (a lab's tokens).</param>
    /// <param name="pipelineSettings">More `Pipeline` settings, merged over the demo's quick ones.</param>
    /// <summary>The end of a run built on a `serve` (<see cref="LoopRun"/>, the KciDev and regression runs): the host if it
    /// was started, the run's HTTP client and its folder.</summary>
    public static async ValueTask DisposeRunAsync(IAsyncDisposable? host, HttpClient http, string root)
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        http.Dispose();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static async Task<LoopHost> StartAsync(string root, Action<string, Uri>? configure = null, IReadOnlyDictionary<string, string>? secrets = null,
        JsonObject? pipelineSettings = null)
    {
        var tree = await LinuxTree.CloneAsync(root);
        var basePort = FreePort.BasePort();
        var pipelineUrl = new Uri($"http://127.0.0.1:{basePort + 2}/");
        var configDirectory = PipelineDemoConfig.WriteDirectory(root, tree.Url);
        configure?.Invoke(configDirectory, pipelineUrl);
        var data = PrepareDataFolder(Path.Combine(root, "data"), secrets);
        var process = await HostProcess.StartAsync(data, null, basePort,
            ["--pipeline-config", configDirectory, "--config", WriteSettings(root, pipelineUrl, pipelineSettings)], portOffset: 2);
        return new LoopHost(process, tree);
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    /// <summary>The data folder with the shared ccache where the shell runtime keeps it (the pipeline's work folder,
    /// DATA/pipeline) and the given secrets.</summary>
    private static string PrepareDataFolder(string data, IReadOnlyDictionary<string, string>? secrets)
    {
        DataFolder.Create(Path.Combine(data, "pipeline"));
        Directory.CreateDirectory(SharedCcache);
        File.CreateSymbolicLink(Path.Combine(data, "pipeline", "ccache"), SharedCcache);
        if (secrets is { Count: > 0 })
        {
            using var file = new FileStream(Path.Combine(data, "secrets.json"),
                new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = DataFolder.PrivateFile });
            JsonSerializer.Serialize(file, secrets);
        }

        return data;
    }

    /// <summary>The demo's quick settings, and the callback URL LAVA jobs name (Pipeline:InstanceCallback).</summary>
    private static string WriteSettings(string root, Uri pipelineUrl, JsonObject? pipelineSettings)
    {
        var file = PipelineDemoConfig.WriteSettings(root);
        var settings = JsonNode.Parse(File.ReadAllText(file))!;
        settings["Pipeline"]!["InstanceCallback"] = pipelineUrl.ToString();
        foreach (var (key, value) in pipelineSettings ?? [])
        {
            settings["Pipeline"]![key] = value?.DeepClone();
        }

        File.WriteAllText(file, settings.ToJsonString());
        return file;
    }
}
