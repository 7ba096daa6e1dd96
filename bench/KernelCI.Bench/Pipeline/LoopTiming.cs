using KernelCI.Client.Maestro;
using KernelCI.Testing;

namespace KernelCI.Bench.Pipeline;

/// <summary>The real loop on a tree made from linux-source-6.1, in process on the demo configuration: a first
/// commit warms the caches (git clone, first build); then a second commit is pushed and timed from the push to its
/// boot result in KCIDB.</summary>
internal static class LoopTiming
{
    /// <summary>Times the second commit; the kernel it built is saved as <paramref name="kernelFile"/> for later runs.</summary>
    public static async Task<LoopFigures> RunAsync(string root, string kernelFile, TextWriter output, CancellationToken cancellationToken)
    {
        var tree = await LinuxTree.CloneAsync(root);
        var config = PipelineDemoConfig.WriteDirectory(root, tree.Url);
        var settings = PipelineDemoConfig.WriteSettings(root);
        await using var deployment = await Deployment.StartAsync(Path.Combine(root, "data"), config, settings, null, cancellationToken);
        var probe = new PipelineProbe(deployment.Maestro, deployment.Kcidb) { Interval = TimeSpan.FromMilliseconds(250) };

        await output.WriteLineAsync("loop: warming up on the first commit (clone, tarball, build, boot)");
        var warm = await WaitForBootAsync(probe, await tree.HeadAsync(), TimeSpan.FromMinutes(20));
        // The first commit's other jobs (the smoke test's guest) would otherwise share the cores with the timed commit.
        await probe.WaitAsync(async () => (await probe.TreeAsync(warm.Checkout.Node)).All(n => n.Kind != "job" || n.State == "done") ? "idle" : null,
            DateTime.UtcNow.AddMinutes(10), "the first commit's jobs");

        var readme = await tree.ShowAsync("README");
        var pushedAt = DateTime.UtcNow;
        var commit = await tree.CommitAsync("README: a line for the pipeline benchmark", new Dictionary<string, string> { ["README"] = readme + "\nBenchmarked by KernelCI.\n" });
        await output.WriteLineAsync($"loop: pushed {commit[..12]}; timing it to its boot result in KCIDB");
        var run = await WaitForBootAsync(probe, commit, TimeSpan.FromMinutes(20));
        var total = DateTime.UtcNow - pushedAt;
        using (var http = new HttpClient())
        {
            await File.WriteAllBytesAsync(kernelFile, await http.GetByteArrayAsync(run.Kbuild.Node.Artifacts["kernel"], cancellationToken), cancellationToken);
        }

        return new LoopFigures(total, run.Kbuild.RanFor, run.Boot.RanFor, run.Checkout.RanFor);
    }

    internal static async Task<CommitRun> WaitForBootAsync(PipelineProbe probe, string commit, TimeSpan budget, string kbuildName = "kbuild-gcc-x86",
        string bootName = "baseline-x86")
    {
        var deadline = DateTime.UtcNow + budget;
        var checkout = Observed.Now(await probe.WaitAsync(() => probe.CheckoutAsync(commit, n => n.State != "running"), deadline, $"the checkout of {commit}"));
        var kbuild = Observed.Now(await probe.WaitAsync(() => probe.ChildAsync(checkout.Node, kbuildName, n => n.State != "running"), deadline, "the kbuild"));
        if (kbuild.Node.Result != "pass")
        {
            throw new BenchFailure($"the kbuild of {commit} ended {kbuild.Node.State}/{kbuild.Node.Result}: {kbuild.Node.Data["error_msg"]}");
        }

        var boot = Observed.Now(await probe.WaitAsync(() => probe.ChildAsync(kbuild.Node, bootName, n => n.State == "done"), deadline, "the boot job"));
        if (boot.Node.Result != "pass")
        {
            throw new BenchFailure($"the boot of {commit} ended {boot.Node.Result}: {boot.Node.Data["error_code"]} {boot.Node.Data["error_msg"]}");
        }

        await probe.WaitAsync(() => probe.KcidbWhereAsync(checkout.Node, d => PipelineProbe.HasTestPaths(d, "boot")), deadline, "the boot result in KCIDB");
        return new CommitRun(checkout, kbuild, boot, DateTime.UtcNow);
    }
}
