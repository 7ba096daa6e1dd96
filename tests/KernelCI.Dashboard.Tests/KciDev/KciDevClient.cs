using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.KciDev;

/// <summary>Upstream's unmodified kci-dev 0.1.11 (`../shared/vendor/kci-dev.sh`) with a settings file whose
/// `dashboard_api` is a dashboard on a real loopback listener: its `results` commands need nothing else
/// (kci-dev.md §2.2).</summary>
internal sealed class KciDevClient : IDisposable
{
    public static readonly TimeSpan CommandBudget = TimeSpan.FromMinutes(2);

    private readonly string _root = Directory.CreateTempSubdirectory("kernelci-dashboard-kcidev-").FullName;

    public KciDevClient(Uri dashboardApi)
    {
        var script = Path.Combine(RepositoryPaths.VendorDirectory, "kci-dev.sh");
        if (!File.Exists(script))
        {
            throw new FileNotFoundException($"upstream's kci-dev is not at {script}: the tests need ../shared/vendor beside the repository (or KERNELCI_VENDOR_DIR)");
        }

        Settings = Path.Combine(_root, "kci-dev.toml");
        File.WriteAllText(Settings, $"""
            default_instance = "local"
            [local]
            pipeline = "http://127.0.0.1:9/"
            api = "http://127.0.0.1:9/"
            token = "unused"
            dashboard_api = "{dashboardApi}"
            """);
    }

    public string Settings { get; }

    /// <summary>The folder commands run in: not a git checkout, so every tree option must be given.</summary>
    public string WorkDirectory => _root;

    /// <summary>Runs `kci-dev --settings FILE ARGS…` and waits for it to end.</summary>
    public Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRun.RunAsync("bash", new[] { Path.Combine(RepositoryPaths.VendorDirectory, "kci-dev.sh"), "--settings", Settings }.Concat(arguments),
            CommandBudget, workingDirectory: _root);

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
