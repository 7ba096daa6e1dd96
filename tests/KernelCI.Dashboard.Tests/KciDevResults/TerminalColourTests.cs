using KernelCI.Dashboard.Tests.Trees;
using KernelCI.Data;
using KernelCI.KciDev.Cli;
using KernelCI.Testing;
using Microsoft.AspNetCore.TestHost;

namespace KernelCI.Dashboard.Tests.KciDevResults;

/// <summary>On a terminal the lists and summaries carry upstream's colours: PASS green, FAIL red, inconclusive yellow,
/// values cyan, non-zero counts coloured.</summary>
public sealed class TerminalColourTests
{
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Cyan = "\u001b[36m";
    private const string Reset = "\u001b[0m";

    private static async Task<string> RunOnTerminalAsync(params string[] arguments)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        await TreeSeed.SeedAsync(app);
        using var kciDev = new KciDevHarness();
        kciDev.WriteInstance(dashboardApi: app.ApiUrl);
        var output = new StringWriter();
        var context = new CliContext(new KciConsole(output, new StringWriter(), isTerminal: true), _ => null, kciDev.HomeDirectory,
            kciDev.WorkingDirectory, kciDev.SystemConfigDirectory, () => app.App.GetTestServer().CreateHandler(), TimeProvider.System);

        Assert.Equal(0, await KciDevApp.RunAsync(arguments, context));
        return output.ToString();
    }

    [Fact]
    public async Task Test_lines_colour_values_and_statuses()
    {
        var output = await RunOnTerminalAsync(["results", "tests", "--status", "inconclusive", .. BuildsCommandTests.Head]);

        Assert.Contains($"- test path: {Cyan}kselftest.timers.posix_timers{Reset}\n", output);
        Assert.Contains($"  status:{Yellow}INCONCLUSIVE (status: SKIP){Reset}\n", output);
    }

    [Fact]
    public async Task Summary_colours_only_non_zero_counts()
    {
        var output = await RunOnTerminalAsync(["results", "summary", .. BuildsCommandTests.Head]);

        Assert.Contains($"builds:\t\u001b[32m1{Reset}/{Red}2{Reset}/0\n", output);
    }
}
