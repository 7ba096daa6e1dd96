using KernelCI.KciDev.Cli;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.KciDevResults;

/// <summary>100,000 tests listed as JSON with only one page in memory at a time: the live heap, measured (after a full
/// collection) as each page is asked for, stays far below what the whole list takes. Run alone, so other tests' heaps
/// do not count.</summary>
[Collection(nameof(ConstantMemoryTests))]
public sealed class ConstantMemoryTests
{
    private const int Total = 100_000;

    [Fact]
    public async Task A_hundred_thousand_tests_list_with_one_page_in_memory()
    {
        using var kciDev = new KciDevHarness();
        kciDev.WriteInstance(dashboardApi: new Uri("http://dashboard.test/api/"));
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = 0L;
        var server = new GeneratedTestsServer(Total, () => peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline));
        var output = new ItemCountingWriter();
        var context = new CliContext(new KciConsole(output, new StringWriter(), isTerminal: false), _ => null, kciDev.HomeDirectory,
            kciDev.WorkingDirectory, kciDev.SystemConfigDirectory, () => server, TimeProvider.System);

        var code = await KciDevApp.RunAsync(["results", "tests", "--json", "--giturl", "https://git.example/x.git", "--branch", "master",
            "--commit", new string('a', 40)], context);

        Assert.Equal(0, code);
        Assert.Equal(Total, output.Items);
        Assert.Equal(Total / 1000, server.Pages);
        // The JSON printed is about 28 million characters (56 MB as .NET strings); one page of it is 1%.
        Assert.True(output.Characters > 25_000_000, $"{output.Characters} characters");
        Assert.True(peak < 16 * 1024 * 1024, $"live heap grew by {peak / 1024} KiB");
    }
}
