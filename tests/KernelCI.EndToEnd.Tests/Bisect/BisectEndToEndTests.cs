using System.Diagnostics;
using KernelCI.Client.Maestro;
using KernelCI.Testing;

namespace KernelCI.EndToEnd.Tests.Bisect;

/// <summary>Our `kci-dev bisect`, in process, against a real `kernelci serve`: each step a checkout request built with
/// tinyconfig (ccache after the first) and booted on the QEMU lab; it must name exactly the commit that panics.</summary>
public sealed class BisectEndToEndTests(ITestOutputHelper log)
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(60);

    [Fact]
    public async Task Bisect_names_the_commit_that_makes_the_kernel_panic_at_boot()
    {
        // Given eight commits on a good one, the fifth adding a panic to kernel_init
        await using var server = await BisectServer.StartAsync();
        var good = await server.Tree.HeadAsync();
        var commits = new List<string>();
        for (var i = 1; i <= 8; i++)
        {
            var files = new Dictionary<string, string> { [$"Documentation/kernelci/bisect-{i}.txt"] = $"Change {i} of the bisection test.\n" };
            if (i == 5)
            {
                files[BrokenKernel.PanicFile] = await BrokenKernel.PanicAtBootAsync(server.Tree, good);
            }

            commits.Add(await server.Tree.CommitAsync(i == 5 ? "init: panic at boot, on purpose" : $"Documentation: bisection test change {i}", files));
        }

        using var kciDev = new KciDevHarness();
        kciDev.WriteInstance(api: server.Api, pipeline: server.Pipeline, token: await server.TokenAsync());

        // When kci-dev bisects between the good commit and the last
        var clock = Stopwatch.StartNew();
        var result = await kciDev.RunAsync("bisect", "--giturl", server.Tree.Url, "--branch", "main", "--good", good, "--bad", commits[^1],
            "--job-filter", "kbuild-gcc-x86", "--job-filter", "baseline-x86", "--platform-filter", "qemu-x86_64", "--test", "login",
            "--retry-fail", "0").WaitAsync(Budget, TestContext.Current.CancellationToken);
        log.WriteLine($"kci-dev bisect took {clock.Elapsed:mm\\:ss}\n{result}");
        await LogBuildTimesAsync(server);

        // Then it names the fifth commit, its subject and author
        Assert.True(result.ExitCode == 0, result + "\n--- server\n" + server.Output);
        Assert.Contains($"Bisection complete. First bad commit: {commits[4]}\nsubject: init: panic at boot, on purpose\nauthor: KernelCI Test <test@kernelci.local>\n",
            result.Output, StringComparison.Ordinal);
        Assert.Matches(@"baseline-x86 [0-9a-f]+ done/fail http://\S+", result.Output);
    }

    /// <summary>How long each step's kbuild took: the first compiles everything, the next ones mostly hit ccache.</summary>
    private async Task LogBuildTimesAsync(BisectServer server)
    {
        var maestro = new MaestroClient(new HttpClient { BaseAddress = new Uri(server.Api, "latest/") });
        foreach (var kbuild in (await maestro.GetNodesFastAsync(new NodeFilter().Where("kind", "kbuild"))).OrderBy(n => n.Created))
        {
            log.WriteLine($"kbuild {kbuild.Id} {kbuild.Data["kernel_revision"]?["commit"]}: {kbuild.Result}, {kbuild.Updated - kbuild.Created:mm\\:ss}");
        }
    }
}
