using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Git;

/// <summary>A tree URL that looks like a git option (`--upload-pack=CMD` runs CMD) is only ever a URL to git.</summary>
public sealed class GitOptionInjectionTests : IDisposable
{
    private readonly KciDevHarness _kciDev = new();

    private string Marker => Path.Combine(_kciDev.WorkingDirectory, "pwned");

    private string Hostile => $"--upload-pack=touch {Marker}";

    [Fact]
    public async Task Results_tag_resolution_runs_no_command_from_the_url()
    {
        _kciDev.WriteSettings("dashboard_api = \"http://127.0.0.1:9/api/\"\n");

        var result = await _kciDev.RunAsync("results", "summary", "--giturl", Hostile, "--branch", "master", "--commit", "v6.1");

        Assert.NotEqual(0, result.ExitCode);
        Assert.False(File.Exists(Marker));
        Assert.StartsWith("kci-dev: --commit v6.1: cannot resolve", result.Error);
    }

    [Fact]
    public async Task Checkout_tip_of_tree_runs_no_command_from_the_url()
    {
        _kciDev.WriteInstance(api: new Uri("http://127.0.0.1:9/"), pipeline: new Uri("http://127.0.0.1:9/"), token: "t");

        var result = await _kciDev.RunAsync("checkout", "--giturl", Hostile, "--branch", "master", "--tipoftree", "--job-filter", "baseline");

        Assert.NotEqual(0, result.ExitCode);
        Assert.False(File.Exists(Marker));
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    public void Dispose() => _kciDev.Dispose();
}
