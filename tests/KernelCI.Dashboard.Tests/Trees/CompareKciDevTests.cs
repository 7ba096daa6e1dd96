using System.Text.Json.Nodes;
using KernelCI.Dashboard.Tests.KciDev;
using KernelCI.Dashboard.Tests.Regressions;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Trees;

/// <summary>Upstream's kci-dev `results compare OLD NEW --json`. kci-dev does not call our compare endpoints: it reads
/// each commit's builds, boots and tests (`tree/{hash}/builds|boots|tests`, the trees endpoints) and pairs them itself,
/// so this passes once those endpoints are merged.</summary>
public sealed class CompareKciDevTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Kci_dev_compare_finds_the_pass_to_fail_regressions(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind, kestrel: true);
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);
        using var kciDev = new KciDevClient(app.ApiUrl);

        var result = await kciDev.RunAsync("results", "compare", "--giturl", ReportSeed.GitUrl, "--branch", ReportSeed.Branch,
            seed.Hash(2), seed.Hash(3), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        // kci-dev prints progress lines before the JSON object.
        var start = result.Output.IndexOf("\n{", StringComparison.Ordinal);
        Assert.True(start >= 0, "no JSON in kci-dev's output (are the trees endpoints merged?)\n" + result);
        var json = JsonNode.Parse(result.Output[start..])!;
        Assert.Equal(0, (int)json["build_regressions"]!);
        Assert.Equal(0, (int)json["boot_regressions"]!);
        // kselftest.regress and kselftest.kube went PASS → FAIL; kselftest.skipped went PASS → SKIP, not a failure.
        Assert.Equal(2, (int)json["test_regressions"]!);
        Assert.Equal(2, (int)json["total_regressions"]!);
    }
}
