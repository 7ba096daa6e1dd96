using System.Text.RegularExpressions;
using KernelCI.Client.Kcidb;
using KernelCI.Client.Maestro;
using KernelCI.EndToEnd.Tests.Pipeline;
using KernelCI.Testing;

namespace KernelCI.EndToEnd.Tests.KciDev;

/// <summary>A real `kernelci serve` with the demo's pipeline configuration, the tokens a developer would be given,
/// and a kci-dev settings file naming every listener: upstream's unmodified kci-dev 0.1.11
/// (`../shared/vendor/kci-dev.sh`) runs against it. The one kernel build and boot that <see cref="KciDevTests"/> share
/// is started on first use by <see cref="CheckoutAsync"/>.</summary>
public sealed class KciDevServer : IAsyncLifetime
{
    /// <summary>The boot job of config/pipeline/jobs.yaml and its build, the jobs every watch filters on.</summary>
    public const string KbuildJob = "kbuild-gcc-x86";

    public const string BootJob = "baseline-x86";

    /// <summary>The boot test: the `login` case under the boot job's `setup` suite (docs/pipeline/runtimes.md).</summary>
    public const string BootTest = "login";

    /// <summary>kci-dev's watch polls every 30 s (kernelci/kci-dev:kcidev/libs/maestro_common.py, maestro_watch_jobs); a tinyconfig build and a QEMU boot take a few minutes here.</summary>
    public static readonly TimeSpan WatchBudget = TimeSpan.FromMinutes(20);

    public static readonly TimeSpan CommandBudget = TimeSpan.FromMinutes(2);

    private readonly string _root = Directory.CreateTempSubdirectory("kernelci-kcidev-").FullName;
    private readonly Lazy<Task<WatchedCheckout>> _checkout;
    private HostProcess? _host;

    public KciDevServer() => _checkout = new(RunCheckoutAsync);

    public string DataDirectory => Path.Combine(_root, "data");

    public string Settings => Path.Combine(_root, "kci-dev.toml");

    public string WorkDirectory => _root;

    public int BasePort { get; private set; }

    public Uri StorageUrl => new($"http://127.0.0.1:{BasePort + 4}/");

    public LinuxTree Tree { get; private set; } = null!;

    public MaestroClient Maestro { get; private set; } = null!;

    public KcidbClient Kcidb { get; private set; } = null!;

    public PipelineProbe Probe { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromMinutes(1) };

    /// <summary>The KCIDB origin of the submission token in the settings file.</summary>
    public string Origin => "kcidev";

    public string Output => _host?.Output ?? "";

    /// <summary>Where upstream's clients live: `../shared/vendor` beside the repository (KERNELCI_VENDOR_DIR overrides).</summary>
    public static string VendorDirectory => RepositoryPaths.VendorDirectory;

    public async ValueTask InitializeAsync()
    {
        var script = Path.Combine(VendorDirectory, "kci-dev.sh");
        if (!File.Exists(script))
        {
            throw new FileNotFoundException($"upstream's kci-dev is not at {script}: the tests need ../shared/vendor beside the repository (or KERNELCI_VENDOR_DIR)");
        }

        Tree = await LinuxTree.CloneAsync(_root);
        BasePort = FreePort.BasePort();
        _host = await HostProcess.StartAsync(DataDirectory, null, BasePort,
            ["--pipeline-config", WriteConfig(), "--config", WriteSettings()], portOffset: 2);
        Maestro = new MaestroClient(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{BasePort + 1}/latest/") });
        // Queries are public; the token is never checked.
        Kcidb = new KcidbClient(new HttpClient { BaseAddress = _host.KcidbUrl }, "none");
        Probe = new PipelineProbe(Maestro, Kcidb) { Interval = TimeSpan.FromSeconds(2) };

        var pipelineToken = await KernelciAsync("pipeline", "token", "dev@example.org", "--permission", "checkout",
            "--permission", "patchset", "--permission", "testretry", "--data-dir", DataDirectory);
        var storageToken = await KernelciAsync("storage", "token", "dev@example.org", "--data-dir", DataDirectory);
        var kcidbToken = await KernelciAsync("kcidb", "token", "--origin", Origin, "--data-dir", DataDirectory);
        // The settings file kci-dev reads (kernelci/kci-dev:kcidev/libs/common.py): one instance naming each listener (docs: README.md, "The kernelci command").
        await File.WriteAllTextAsync(Settings, $"""
            default_instance = "local"

            [local]
            pipeline = "http://127.0.0.1:{BasePort + 2}/"
            api = "http://127.0.0.1:{BasePort + 1}/"
            token = "{pipelineToken}"
            storage_url = "{StorageUrl}"
            storage_token = "{storageToken}"
            kcidb_rest_url = "http://127.0.0.1:{BasePort + 3}/submit"
            kcidb_token = "{kcidbToken}"
            dashboard_api = "http://127.0.0.1:{BasePort}/api/"
            """);
    }

    /// <summary>Runs `kci-dev --settings FILE ARGS…` and waits for it to end.</summary>
    public Task<ProcessResult> KciDevAsync(TimeSpan timeout, params string[] arguments) =>
        ProcessRun.RunAsync("bash", new[] { Path.Combine(VendorDirectory, "kci-dev.sh"), "--settings", Settings }.Concat(arguments), timeout,
            workingDirectory: _root);

    public Task<ProcessResult> KciDevAsync(params string[] arguments) => KciDevAsync(CommandBudget, arguments);

    /// <summary>The checkout, kbuild and boot job made by `kci-dev checkout --watch --test`, run once for every test
    /// that needs a finished build.</summary>
    public Task<WatchedCheckout> CheckoutAsync() => _checkout.Value;

    /// <summary>A value kci-dev prints as `label: value` (checkout_nodeid, patchset_nodeid, treeid).</summary>
    public static string? Printed(ProcessResult result, string label)
    {
        var match = Regex.Match(result.Output, "^" + Regex.Escape(label) + @": (\S+)$", RegexOptions.Multiline);
        return match.Success ? match.Groups[1].Value : null;
    }

    public ValueTask DisposeAsync() => LoopHost.DisposeRunAsync(_host, Http, _root);

    private async Task<WatchedCheckout> RunCheckoutAsync()
    {
        var commit = await Tree.HeadAsync();
        var watch = await KciDevAsync(WatchBudget, "checkout", "--giturl", Tree.Url, "--branch", "main", "--commit", commit,
            "--job-filter", KbuildJob, "--job-filter", BootJob, "--watch", "--test", BootTest);
        var id = Printed(watch, "checkout_nodeid") ?? throw new InvalidOperationException("kci-dev printed no checkout_nodeid: " + watch);

        // The watch may give up early (it is the client's verdict under test); the build and boot go on regardless,
        // and the other tests need them finished.
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(15);
        var checkout = await Probe.WaitAsync(() => Maestro.GetNodeAsync(id), deadline, "the checkout node", () => watch + "\n" + Output);
        var kbuild = await Probe.WaitAsync(() => Probe.ChildAsync(checkout, KbuildJob, n => n.State is "available" or "done"), deadline, "the kbuild", () => watch + "\n" + Output);
        var boot = await Probe.WaitAsync(() => Probe.ChildAsync(kbuild, BootJob, n => n.State == "done"), deadline, "the boot job", () => watch + "\n" + Output);
        return new WatchedCheckout(watch, commit, (await Maestro.GetNodeAsync(id))!, kbuild, boot);
    }

    private async Task<string> KernelciAsync(params string[] arguments)
    {
        var result = await ProcessRun.RunAsync(RepositoryPaths.HostExecutable, arguments, CommandBudget);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"kernelci {string.Join(' ', arguments)}: {result}");
        }

        return result.Output.Trim();
    }

    /// <summary>The demo's jobs, platforms and scheduler with the test's tree but no build_configs: the trigger
    /// then builds nothing by itself, so every build on this server is one kci-dev asked for.</summary>
    private string WriteConfig()
    {
        var directory = PipelineDemoConfig.WriteDirectory(_root, Tree.Url);
        File.WriteAllText(Path.Combine(directory, "trees.yaml"), $"""
            trees:
              local:
                url: "{Tree.Url}"
            """);
        return directory;
    }

    private string WriteSettings()
    {
        var file = Path.Combine(_root, "settings.json");
        File.WriteAllText(file, """
            {
              "Pipeline": {
                "Trigger": { "PollPeriod": "00:00:03" },
                "Timeout": { "Period": "00:00:05" },
                "Bridge": { "SweepInterval": "00:00:05" },
                "Patchset": { "PollPeriod": "00:00:03" }
              }
            }
            """);
        return file;
    }
}
