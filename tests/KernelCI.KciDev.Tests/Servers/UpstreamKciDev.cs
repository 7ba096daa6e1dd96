using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Servers;

/// <summary>Upstream's unmodified kci-dev 0.1.11 (`../shared/vendor/kci-dev.sh`), run in its own folder (not a git
/// checkout) with the settings file the test gives: the reference our output is compared with.</summary>
internal sealed class UpstreamKciDev : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kernelci-upstream-kcidev-").FullName;

    public UpstreamKciDev(string settingsToml)
    {
        Settings = Path.Combine(_root, "kci-dev.toml");
        File.WriteAllText(Settings, settingsToml);
    }

    public string Settings { get; }

    public string WorkDirectory => _root;

    public Task<ProcessResult> RunAsync(params string[] arguments) => RunAsync(new Dictionary<string, string>(), arguments);

    public Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        ProcessRun.RunAsync("bash", new[] { Path.Combine(RepositoryPaths.VendorDirectory, "kci-dev.sh"), "--settings", Settings }.Concat(arguments),
            TimeSpan.FromMinutes(2), environment, _root);

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
