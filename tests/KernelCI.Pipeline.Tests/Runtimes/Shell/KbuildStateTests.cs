using System.Diagnostics;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes;
using KernelCI.Pipeline.Tests.Runtimes;

namespace KernelCI.Pipeline.Tests.Runtimes.Shell;

/// <summary>The states the shell runtime gives a kbuild node, on a source tree whose Makefile only pretends to build
/// (seconds, not the minutes of a real kernel): kci-dev's watch counts anything but running → done as a failure.</summary>
public sealed class KbuildStateTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Passing_kbuild_goes_from_running_straight_to_done_pass()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        var checkout = await harness.CheckoutAsync();
        var tarball = await harness.UploadAsync($"tarballs/{checkout.Id}", await FakeSourceAsync());
        var node = await harness.ChildAsync(checkout, "kbuild", "kbuild-gcc-x86", new JsonObject { ["platform"] = "kubernetes", ["runtime"] = "local-shell" });
        var ct = TestContext.Current.CancellationToken;
        var subscription = await harness.Stack.Maestro.SubscribeAsync("node", "test:kbuild-states", promiscuous: true, ct);

        var (_, built) = await harness.RunAsync(harness.Runtime("shell", "local-shell"), Request(node, tarball), Limit);

        Assert.Equal(("done", "pass", null), (built.State, built.Result, built.Data["error_code"]?.ToString()));
        Assert.Contains("kernel", built.Artifacts.Keys);
        var states = (await harness.Stack.Maestro.ListenBatchAsync(subscription.Id, 1000, ct))
            .Where(e => e.NodeId == node.Id && e.Data?["state"] is not null)
            .Select(e => (Previous: e.Data!["previous_state"]?.ToString(), State: e.Data!["state"]!.ToString()))
            .Where(s => s.Previous != s.State)
            .ToList();
        Assert.Equal([("running", "done")], states);
    }

    private static JobRequest Request(MaestroNode node, string tarball)
    {
        var parameters = new JsonObject { ["arch"] = "x86_64", ["compiler"] = "gcc", ["defconfig"] = "tinyconfig" };
        return new JobRequest(node, new JobConfig("kbuild-gcc-x86", "kbuild", "kbuild.jinja2", null, parameters, Rules.None),
            RuntimeHarness.QemuX86, parameters, new Dictionary<string, string> { ["tarball"] = tarball });
    }

    /// <summary>A tarball whose Makefile answers build.sh's targets by writing a .config and a bzImage into O=, where
    /// build.sh builds the kernel out of tree.</summary>
    private static async Task<string> FakeSourceAsync()
    {
        var root = Directory.CreateTempSubdirectory("kernelci-fake-linux-");
        var source = Path.Combine(root.FullName, "linux");
        Directory.CreateDirectory(source);
        await File.WriteAllTextAsync(Path.Combine(source, "Makefile"), """
            .PHONY: tinyconfig olddefconfig bzImage
            tinyconfig olddefconfig:
            	touch $(O)/.config
            bzImage:
            	mkdir -p $(O)/arch/x86/boot && echo kernel > $(O)/arch/x86/boot/bzImage

            """.Replace("\r", "", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var tarball = Path.Combine(root.FullName, "linux.tar.gz");
        using var tar = Process.Start(new ProcessStartInfo("tar", ["-czf", tarball, "-C", root.FullName, "linux"]))!;
        await tar.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, tar.ExitCode);
        return tarball;
    }
}
