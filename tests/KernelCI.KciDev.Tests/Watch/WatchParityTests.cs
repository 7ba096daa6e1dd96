using KernelCI.KciDev.Tests.Pipeline;
using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Watch;

/// <summary>Upstream's kci-dev 0.1.11 (`../shared/vendor/kci-dev.sh`) and ours watch the same finished tree on our
/// Maestro and exit with the same code: the rules carried over.</summary>
public sealed class WatchParityTests(PipelineServersFixture fixture) : IClassFixture<PipelineServersFixture>, IDisposable
{
    private readonly PipelineKciDev _kciDev = new(fixture.Servers, "t");

    [Theory]
    [InlineData("pass", "pass", "pass", 0)]
    [InlineData("pass", "pass", "fail", 1)]
    [InlineData("incomplete", "pass", null, 2)]
    public async Task Upstream_and_ours_exit_alike_on_a_finished_tree(string buildResult, string jobResult, string? testResult, int exitCode)
    {
        // Given a finished tree
        var tree = new SampleTree(fixture.Servers.Maestro, Guid.NewGuid().ToString("N")[..24]);
        await tree.CheckoutAsync(state: "available");
        await tree.BuildAsync("done", buildResult);
        await tree.BootAsync();
        await tree.FinishBootAsync(jobResult, testResult);
        string[] arguments = ["watch", "--nodeid", tree.Checkout!.Id!, "--job-filter", SampleTree.Kbuild, "--job-filter", SampleTree.Job, "--test", SampleTree.Test];

        // When both watch it
        var settings = File.ReadAllText(Path.Combine(_kciDev.Harness.WorkingDirectory, ".kci-dev.toml"));
        var upstream = await ProcessRun.RunAsync("bash", [Path.Combine(RepositoryPaths.VendorDirectory, "kci-dev.sh"), "--settings",
            _kciDev.Harness.WriteSettings(settings, Path.Combine(_kciDev.Harness.HomeDirectory, "upstream.toml")), .. arguments], TimeSpan.FromMinutes(2));
        var ours = await _kciDev.RunAsync(arguments);

        // Then they agree
        Assert.Equal((exitCode, exitCode), (upstream.ExitCode, ours.ExitCode));
    }

    public void Dispose() => _kciDev.Dispose();
}
