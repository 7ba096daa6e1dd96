using KernelCI.KciDev.Tests.Servers;
using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Maestro;

/// <summary>`maestro coverage` against a real Maestro API (kci-dev.md §2.1).</summary>
public sealed class CoverageTests(CoverageTree tree) : IClassFixture<CoverageTree>, IDisposable
{
    private readonly KciDevHarness _kciDev = new();

    [Fact]
    public async Task Coverage_prints_what_upstream_prints()
    {
        using var upstream = new UpstreamKciDev(tree.Settings);
        _kciDev.WriteSettings(tree.Settings);

        var ours = await _kciDev.RunAsync("maestro", "coverage");
        var theirs = await upstream.RunAsync("maestro", "coverage");

        Assert.True(theirs.ExitCode == 0, theirs.ToString());
        Assert.Equal(theirs.Output, ours.Output);
        Assert.Contains("  Function coverage: 45.5%\n  Line coverage: 30%\n", ours.Output);
        Assert.Contains($"  Build: {tree.Maestro.Url}viewer?node_id={tree.BuildId}\n", ours.Output);
    }

    [Fact]
    public async Task Tree_option_replaces_chromiumos()
    {
        _kciDev.WriteSettings(tree.Settings);

        var result = await _kciDev.RunAsync("--debug", "maestro", "coverage", "--tree", "mainline", "--branch", "master", "--start-date", "2020-01-01");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains("latest/nodes/fast?limit=1000&offset=0&kind=kbuild&state=done&result=pass&data.kernel_revision.tree=mainline"
            + "&data.kernel_revision.branch=master&created__gt=2020-01-01\n", result.Error);
    }

    [Fact]
    public async Task Graph_output_writes_an_svg_chart()
    {
        _kciDev.WriteSettings(tree.Settings);

        var result = await _kciDev.RunAsync("maestro", "coverage", "--graph-output", "coverage.svg");

        Assert.Equal("Coverage chart of 1 reports written to coverage.svg\n", result.Output);
        var svg = File.ReadAllText(Path.Combine(_kciDev.WorkingDirectory, "coverage.svg"));
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg);
        Assert.Contains("Coverage for chromiumos/chromeos-6.6", svg);
        Assert.Contains(">45.5%<", svg);
        Assert.Contains("<a href=\"https://storage.example.org/cov/index.html\">", svg);
        Assert.Contains(">abcdef<", svg);
    }

    [Fact]
    public async Task Negative_limit_is_named()
    {
        _kciDev.WriteSettings(tree.Settings);

        var result = await _kciDev.RunAsync("maestro", "coverage", "--limit", "-5");

        Assert.Equal("kci-dev: --limit -5: must not be negative\n", result.Error);
    }

    public void Dispose() => _kciDev.Dispose();
}
