using KernelCI.Dashboard.Tests.Issues;
using KernelCI.Dashboard.Tests.KciDev;
using KernelCI.Data;

namespace KernelCI.Dashboard.Tests.Details;

/// <summary>Upstream's kci-dev `results build|boot|test --id … --json` against the seeded dashboard; with --json they
/// print a Python dict (kernelci/kci-dev: kcidev/subcommands/results/parser.py, create_build_json and
/// create_test_json), so the fields are checked as text.</summary>
public sealed class DetailsKciDevTests
{
    [Fact]
    public async Task Kci_dev_build_shows_the_build()
    {
        await using var app = await IssueListingTests.StartAsync(DatabaseKind.Sqlite, kestrel: true);
        using var kci = new KciDevClient(app.ApiUrl);

        var result = await kci.RunAsync("results", "build", "--id", "maestro:b1", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("'config': 'defconfig'", result.Output);
        Assert.Contains("'arch': 'arm64'", result.Output);
        Assert.Contains("'compiler': 'gcc-12'", result.Output);
        Assert.Contains("'status': 'FAIL'", result.Output);
        Assert.Contains("'config_url': 'https://logs.example.org/b1.config'", result.Output);
        Assert.Contains("'log': 'https://logs.example.org/b1.log.gz'", result.Output);
        Assert.Contains("'id': 'maestro:b1'", result.Output);
    }

    [Fact]
    public async Task Kci_dev_boot_shows_the_boot_with_its_hardware()
    {
        await using var app = await IssueListingTests.StartAsync(DatabaseKind.Sqlite, kestrel: true);
        using var kci = new KciDevClient(app.ApiUrl);

        var result = await kci.RunAsync("results", "boot", "--id", "maestro:t1", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("'test_path': 'boot'", result.Output);
        Assert.Contains("'hardware': 'beagle'", result.Output);
        Assert.Contains("'compatibles': ['ti,beagle']", result.Output);
        Assert.Contains("'config': 'x86_64_defconfig'", result.Output);
        Assert.Contains("'arch': 'x86_64'", result.Output);
        Assert.Contains("'status': 'FAIL'", result.Output);
        Assert.Contains("'runtime': 'lava-a'", result.Output);
    }

    [Fact]
    public async Task Kci_dev_test_shows_the_test()
    {
        await using var app = await IssueListingTests.StartAsync(DatabaseKind.Sqlite, kestrel: true);
        using var kci = new KciDevClient(app.ApiUrl);

        var result = await kci.RunAsync("results", "test", "--id", "maestro:t2", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("'test_path': 'kselftest.timers'", result.Output);
        Assert.Contains("'hardware': 'qemu-x86'", result.Output);
        Assert.Contains("'compatibles': None", result.Output);
        Assert.Contains("'status': 'PASS'", result.Output);
        Assert.Contains("'log': 'https://logs.example.org/t2.log.gz'", result.Output);
    }

    [Fact]
    public async Task Kci_dev_build_of_an_unknown_id_reports_upstreams_error()
    {
        await using var app = await IssueListingTests.StartAsync(DatabaseKind.Sqlite, kestrel: true);
        using var kci = new KciDevClient(app.ApiUrl);

        var result = await kci.RunAsync("results", "build", "--id", "nobody:b", "--json");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Build not found", result.Output + result.Error);
    }
}
