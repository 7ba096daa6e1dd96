using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes;
using KernelCI.Pipeline.Tests.Runtimes;

namespace KernelCI.Pipeline.Tests.Runtimes.Qemu;

/// <summary>The QEMU lab booting the real test kernel (tinyconfig + qemu-serial from linux-source-6.1).</summary>
public sealed class QemuRuntimeTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Baseline_boot_reaches_the_prompt_and_passes_with_login_and_lava_log()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        var (jobId, node) = await BootAsync(harness, "baseline-x86", new JsonObject { ["test_method"] = "baseline" });

        Assert.Equal(("done", "pass", null), (node.State, node.Result, node.Data["error_msg"]?.ToString()));
        Assert.Equal(jobId, node.Data["job_id"]!.ToString());
        Assert.Equal("qemu-x86_64", node.Data["device"]!.ToString());
        var children = await harness.DescendantsAsync(node);
        var setup = Assert.Single(children, c => c.Name == "setup");
        Assert.Equal(("job", "pass"), (setup.Kind, setup.Result));
        var login = Assert.Single(children, c => c.Name == "login");
        Assert.Equal(("test", "pass", "done"), (login.Kind, login.Result, login.State));
        Assert.Equal(["checkout", "kbuild-gcc-x86", "baseline-x86", "setup", "login"], login.Path);
        Assert.Equal("baseline-x86", login.Group);
        Assert.Equal("x86_64", login.Data["arch"]!.ToString());
        Assert.Equal("pass", Assert.Single(children, c => c.Name == "kernelmsg").Result);
        var log = Gunzip(await harness.DownloadAsync(node.Artifacts["lava_log"]));
        Assert.Contains("Linux version 6.1", log);
        Assert.Contains("Hello World!", log);
    }

    [Fact]
    public async Task Job_goes_from_running_straight_to_done_with_its_results_created_done()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var request = await RequestAsync(harness, "baseline-x86", new JsonObject { ["test_method"] = "baseline" });
        var subscription = await harness.Stack.Maestro.SubscribeAsync("node", "test:job-states", promiscuous: true, ct);

        var (_, node) = await harness.RunAsync(harness.Runtime("qemu", "qemu-lab"), request, Limit);

        Assert.Equal(("done", "pass"), (node.State, node.Result));
        var events = await harness.Stack.Maestro.ListenBatchAsync(subscription.Id, 1000, ct);
        var changes = events.Where(e => e.NodeId == node.Id).Select(e => (Previous: e.Data!["previous_state"]?.ToString(), State: e.Data!["state"]!.ToString()))
            .Where(c => c.Previous != c.State).ToList();
        Assert.Equal([("running", "done")], changes);
        Assert.All(await harness.DescendantsAsync(node), c => Assert.Equal("done", c.State));
    }

    [Fact]
    public async Task Command_tests_become_a_suite_with_passing_failing_and_ktap_cases()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        var tests = new JsonArray
        {
            new JsonObject { ["name"] = "proc-mounted", ["run"] = "test -e /proc/version" },
            new JsonObject { ["name"] = "false-fails", ["run"] = "echo about to fail; false" },
            new JsonObject
            {
                ["name"] = "selftest", ["format"] = "ktap",
                ["run"] = "printf 'KTAP version 1\\n1..2\\n    KTAP version 1\\n    1..2\\n    ok 1 inner_a\\n    not ok 2 inner_b\\nnot ok 1 group\\nok 2 skipped # SKIP no hardware\\n'",
            },
        };
        var (_, node) = await BootAsync(harness, "smoke-x86", new JsonObject { ["test_method"] = "commands", ["tests"] = tests });

        Assert.Equal(("done", "fail"), (node.State, node.Result));
        var children = await harness.DescendantsAsync(node);
        var suite = Assert.Single(children, c => c.Name == "smoke-x86");
        Assert.Equal(("job", "fail"), (suite.Kind, suite.Result));
        Assert.Equal("pass", Result(children, "proc-mounted"));
        Assert.Equal("fail", Result(children, "false-fails"));
        Assert.Equal("fail", Result(children, "group"));
        Assert.Equal("pass", Result(children, "inner_a"));
        Assert.Equal("fail", Result(children, "inner_b"));
        Assert.Equal("skip", Result(children, "skipped"));
        Assert.Equal(["checkout", "kbuild-gcc-x86", "smoke-x86", "smoke-x86", "selftest", "group", "inner_b"],
            Assert.Single(children, c => c.Name == "inner_b").Path);
        Assert.Equal("pass", Result(children, "login"));
    }

    [Fact]
    public async Task Modules_artifact_is_unpacked_into_the_guest()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        var modules = Directory.CreateTempSubdirectory("kernelci-modules-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(modules, "tree", "lib", "modules", "6.1.0"));
            await File.WriteAllTextAsync(Path.Combine(modules, "tree", "lib", "modules", "6.1.0", "modules.dep"), "kernel/fake.ko:\n",
                TestContext.Current.CancellationToken);
            var tarball = Path.Combine(modules, "modules.tar.xz");
            Assert.Equal(0, await ChildProcess.RunAsync("tar", ["-C", Path.Combine(modules, "tree"), "-cJf", tarball, "."], modules,
                Path.Combine(modules, "tar.log"), TimeSpan.FromMinutes(1), TimeProvider.System,
                TestContext.Current.CancellationToken));
            var request = await RequestAsync(harness, "modules-x86", new JsonObject
            {
                ["test_method"] = "commands",
                ["tests"] = new JsonArray { new JsonObject { ["name"] = "modules-dep", ["run"] = "grep -q fake.ko /lib/modules/6.1.0/modules.dep" } },
            });
            var url = await harness.UploadAsync($"modules-{request.Node.Id}", tarball);
            var (_, node) = await harness.RunAsync(harness.Runtime("qemu", "qemu-lab"),
                request with { Artifacts = new Dictionary<string, string>(request.Artifacts) { ["modules"] = url } }, Limit);

            Assert.Equal(("done", "pass", null), (node.State, node.Result, node.Data["error_msg"]?.ToString()));
            Assert.Equal("pass", Result(await harness.DescendantsAsync(node), "modules-dep"));
        }
        finally
        {
            Directory.Delete(modules, recursive: true);
        }
    }

    [Fact]
    public async Task Kernel_panic_fails_the_job_with_kernelmsg_failed()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        var (_, node) = await BootAsync(harness, "baseline-x86", new JsonObject
        {
            // Without init= the kernel would fall back to /bin/sh (busybox's, in the initramfs) and wait on the console.
            ["test_method"] = "baseline", ["extra_kernel_args"] = "rdinit=/nonexistent init=/nonexistent", ["job_timeout"] = 2,
        });

        Assert.Equal(("done", "fail"), (node.State, node.Result));
        Assert.Contains("Kernel panic", node.Data["error_msg"]!.ToString());
        var children = await harness.DescendantsAsync(node);
        Assert.Equal("fail", Result(children, "login"));
        Assert.Equal("fail", Result(children, "kernelmsg"));
        Assert.Contains("Kernel panic", Gunzip(await harness.DownloadAsync(node.Artifacts["lava_log"])));
    }

    [Fact]
    public async Task Hung_guest_is_stopped_at_the_job_timeout_and_incomplete()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        var started = DateTime.UtcNow;
        var (_, node) = await BootAsync(harness, "hang-x86", new JsonObject
        {
            ["test_method"] = "commands", ["job_timeout"] = 0.5,
            ["tests"] = new JsonArray { new JsonObject { ["name"] = "forever", ["run"] = "sleep 100000" } },
        });

        Assert.Equal(("done", "incomplete"), (node.State, node.Result));
        Assert.Equal("LAVATimeout", node.Data["error_code"]!.ToString());
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2));
        Assert.Equal("pass", Result(await harness.DescendantsAsync(node), "login"));
    }

    [Fact]
    public async Task Stopping_the_host_kills_a_running_boot()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        var request = await RequestAsync(harness, "hang-x86", new JsonObject
        {
            ["test_method"] = "commands", ["tests"] = new JsonArray { new JsonObject { ["name"] = "forever", ["run"] = "sleep 100000" } },
        });
        await harness.SubmitAsync(harness.Runtime("qemu", "qemu-lab"), request);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        for (var waited = 0; RuntimeHarness.ProcessesMentioning(request.Node.Id!).Count == 0; waited++)
        {
            Assert.True(waited < 300, "qemu did not start within a minute");
            await timer.WaitForNextTickAsync(TestContext.Current.CancellationToken);
        }

        await harness.StopJobsAsync().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Empty(RuntimeHarness.ProcessesMentioning(request.Node.Id!));
        Assert.Equal("running", (await harness.Stack.Maestro.GetNodeAsync(request.Node.Id!, TestContext.Current.CancellationToken))!.State);
    }

    private static async Task<(string JobId, MaestroNode Node)> BootAsync(RuntimeHarness harness, string jobName, JsonObject parameters) =>
        await harness.RunAsync(harness.Runtime("qemu", "qemu-lab"), await RequestAsync(harness, jobName, parameters), Limit);

    private static async Task<JobRequest> RequestAsync(RuntimeHarness harness, string jobName, JsonObject parameters)
    {
        var kernel = await TestKernel.GetAsync();
        var checkout = await harness.CheckoutAsync();
        var kbuild = await harness.ChildAsync(checkout, "kbuild", "kbuild-gcc-x86", new JsonObject
        {
            ["arch"] = "x86_64", ["defconfig"] = "tinyconfig", ["compiler"] = "gcc", ["kernel_type"] = "bzimage",
        });
        var kernelUrl = await harness.UploadAsync($"kbuild-gcc-x86-{kbuild.Id}", kernel.BzImage);
        var job = await harness.ChildAsync(kbuild, "job", jobName, new JsonObject
        {
            ["arch"] = "x86_64", ["defconfig"] = "tinyconfig", ["compiler"] = "gcc", ["platform"] = "qemu-x86_64", ["runtime"] = "qemu-lab",
        });
        return new JobRequest(job, new JobConfig(jobName, "job", "baseline.jinja2", null, parameters, Rules.None, "boot"),
            RuntimeHarness.QemuX86, parameters, new Dictionary<string, string> { ["kernel"] = kernelUrl });
    }

    private static string Result(IReadOnlyList<MaestroNode> nodes, string name) => Assert.Single(nodes, n => n.Name == name).Result!;

    private static string Gunzip(byte[] data)
    {
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var reader = new StreamReader(input, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
