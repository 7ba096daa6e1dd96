using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Kcidb.Schema;
using KernelCI.Pipeline.Services.SendKcidb;

namespace KernelCI.Pipeline.Tests.Services.SendKcidb;

public sealed class KcidbMappingTests
{
    [Fact]
    public async Task Checkout_maps_kernel_revision_fields()
    {
        var batch = await MapAsync([BridgeNodes.Checkout()]);

        var checkout = Assert.Single(batch.Checkouts);
        Assert.Equal("maestro:c1", checkout["id"]!.GetValue<string>());
        Assert.Equal("local", checkout["tree_name"]!.GetValue<string>());
        Assert.Null(checkout["git_repository_url"]);
        Assert.Equal("file:///src/linux", checkout["misc"]!["git_repository_url"]!.GetValue<string>());
        Assert.Equal("v6.1-rc1-3-gaaaa", checkout["git_commit_name"]!.GetValue<string>());
        Assert.True(checkout["git_repository_branch_tip"]!.GetValue<bool>());
        Assert.Equal("", checkout["patchset_hash"]!.GetValue<string>());
        Assert.Equal("service:pipeline", checkout["misc"]!["submitted_by"]!.GetValue<string>());
        Assert.Equal("2026-11-01T12:00:00.000000+00:00", checkout["start_time"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patchset_maps_to_a_checkout_with_its_hash_and_patches_in_order()
    {
        var batch = await MapAsync([BridgeNodes.Patchset()], [BridgeNodes.Checkout()]);

        var checkout = Assert.Single(batch.Checkouts);
        Assert.Equal("maestro:p1", checkout["id"]!.GetValue<string>());
        Assert.Equal(BridgeNodes.PatchsetHash, checkout["patchset_hash"]!.GetValue<string>());
        var files = checkout["patchset_files"]!.AsArray().Select(f => (f!["name"]!.GetValue<string>(), f["url"]!.GetValue<string>()));
        Assert.Equal([("patch0", "http://s/patchset/dev/1.patch"), ("patch1", "http://s/patchset/dev/2.patch")], files);
    }

    [Fact]
    public async Task Job_under_a_patchset_build_maps_like_one_under_a_checkout()
    {
        var kbuild = BridgeNodes.Kbuild() with { Parent = "p1", Path = ["checkout", "patchset", "kbuild-gcc-x86"] };
        var job = BridgeNodes.Job("baseline-x86", "pass", ["checkout", "patchset", "kbuild-gcc-x86", "baseline-x86"]);

        var batch = await MapAsync([kbuild, job], [BridgeNodes.Checkout(), BridgeNodes.Patchset(), kbuild]);

        Assert.Equal("maestro:p1", Assert.Single(batch.Builds)["checkout_id"]!.GetValue<string>());
        var test = Assert.Single(batch.Tests);
        Assert.Equal("maestro:k1", test["build_id"]!.GetValue<string>());
        Assert.Equal("boot", test["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Build_links_to_the_maestro_node_viewer_by_absolute_url()
    {
        var batch = await MapAsync([BridgeNodes.Kbuild()]);

        Assert.Equal("http://maestro.example.org:8001/latest/viewer?node_id=k1",
            Assert.Single(batch.Builds)["misc"]!["maestro_viewer"]!.GetValue<string>());
    }

    [Fact]
    public async Task Https_repository_url_is_sent_as_is()
    {
        var node = BridgeNodes.Checkout();
        node.Data["kernel_revision"]!["url"] = "https://git.kernel.org/linux.git";

        var batch = await MapAsync([node]);

        Assert.Equal("https://git.kernel.org/linux.git", Assert.Single(batch.Checkouts)["git_repository_url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Kbuild_maps_to_build_with_config_log_and_output_files()
    {
        var build = BridgeNodes.Kbuild(artifacts: new Dictionary<string, string>
        {
            ["_config"] = "http://s/k1/.config", ["build_log"] = "http://s/k1/build.log.gz", ["dtbs/x.dtb"] = "http://s/k1/x.dtb",
        });

        var batch = await MapAsync([build], logs: new() { ["http://s/k1/build.log.gz"] = "make: done" });

        var sent = Assert.Single(batch.Builds);
        Assert.Equal("maestro:c1", sent["checkout_id"]!.GetValue<string>());
        Assert.Equal("PASS", sent["status"]!.GetValue<string>());
        Assert.Equal("tinyconfig+qemu-serial", sent["config_name"]!.GetValue<string>());
        Assert.Equal("http://s/k1/.config", sent["config_url"]!.GetValue<string>());
        Assert.Equal("http://s/k1/build.log.gz", sent["log_url"]!.GetValue<string>());
        Assert.Equal("make: done", sent["log_excerpt"]!.GetValue<string>());
        var output = Assert.Single(sent["output_files"]!.AsArray());
        Assert.Equal("dtbs_x.dtb", output!["name"]!.GetValue<string>());
        Assert.Equal("bzimage", sent["misc"]!["kernel_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Baseline_job_maps_to_boot_test_with_environment_and_serial_log()
    {
        var job = BridgeNodes.Job("baseline-x86", "pass", artifacts: new Dictionary<string, string> { ["lava_log"] = "http://s/j1/log.txt.gz" });

        var batch = await MapAsync([job], [BridgeNodes.Kbuild(), BridgeNodes.Checkout()], new() { ["http://s/j1/log.txt.gz"] = "login:" });

        var test = Assert.Single(batch.Tests);
        Assert.Equal("maestro:k1", test["build_id"]!.GetValue<string>());
        Assert.Equal("boot", test["path"]!.GetValue<string>());
        Assert.Equal("PASS", test["status"]!.GetValue<string>());
        Assert.Equal("baseline-x86 on qemu-x86_64 in qemu-lab", test["comment"]!.GetValue<string>());
        Assert.Equal("qemu,x86_64", test["environment"]!["compatible"]![0]!.GetValue<string>());
        Assert.Equal("qemu-x86_64", test["environment"]!["misc"]!["platform"]!.GetValue<string>());
        Assert.Equal("http://s/j1/log.txt.gz", test["log_url"]!.GetValue<string>());
        Assert.Equal("login:", test["log_excerpt"]!.GetValue<string>());
    }

    [Fact]
    public async Task Leaf_test_uses_the_nearest_ancestor_log()
    {
        var job = BridgeNodes.Job("kselftest-dt", "fail", artifacts: new Dictionary<string, string> { ["lava_log"] = "http://s/j1/log.txt.gz" });
        var leaf = BridgeNodes.Job("case", "fail", ["checkout", "kbuild-gcc-x86", "kselftest-dt", "kselftest-dt", "case"], parent: "j2", id: "t1", kind: "test");
        var suite = BridgeNodes.Job("kselftest-dt", "fail", ["checkout", "kbuild-gcc-x86", "kselftest-dt", "kselftest-dt"], parent: "j1", id: "j2");

        var batch = await MapAsync([leaf], [suite, job, BridgeNodes.Kbuild(), BridgeNodes.Checkout()]);

        var test = Assert.Single(batch.Tests);
        Assert.Equal("kselftest.dt.case", test["path"]!.GetValue<string>());
        Assert.Equal("http://s/j1/log.txt.gz", test["log_url"]!.GetValue<string>());
        Assert.Equal("maestro:k1", test["build_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Skipped_test_is_sent_without_artifacts()
    {
        var job = BridgeNodes.Job("baseline-x86", "skip", artifacts: new Dictionary<string, string> { ["lava_log"] = "http://s/j1/log.txt.gz" });

        var batch = await MapAsync([job], [BridgeNodes.Kbuild()]);

        var test = Assert.Single(batch.Tests);
        Assert.Equal("SKIP", test["status"]!.GetValue<string>());
        Assert.Null(test["log_url"]);
        Assert.Null(test["output_files"]);
    }

    [Fact]
    public async Task Test_hanging_from_the_checkout_gets_a_dummy_build()
    {
        var kunit = BridgeNodes.Job("kunit-x86_64", "pass", ["checkout", "kunit-x86_64"], parent: "c1");

        var batch = await MapAsync([kunit], [BridgeNodes.Checkout()]);

        var test = Assert.Single(batch.Tests);
        Assert.Equal("maestro:dummy_c1_x86_64", test["build_id"]!.GetValue<string>());
        Assert.Equal("kunit", test["path"]!.GetValue<string>());
        var dummy = Assert.Single(batch.Builds);
        Assert.Equal("maestro:dummy_c1_x86_64", dummy["id"]!.GetValue<string>());
        Assert.Equal("maestro:c1", dummy["checkout_id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("kbuild", "incomplete", 0)]
    [InlineData("job", "incomplete", 2)]
    [InlineData("baseline", "fail", 0)]
    public async Task Results_that_job_retry_will_retry_are_marked_without_being_sent(string what, string result, int retry)
    {
        var node = what == "kbuild" ? BridgeNodes.Kbuild(result: result, retry: retry) : BridgeNodes.Job(what == "job" ? "kselftest-dt" : "baseline-x86", result, retry: retry);

        var batch = await MapAsync([node], [BridgeNodes.Kbuild(), BridgeNodes.Checkout()]);

        Assert.True(batch.IsEmpty);
    }

    [Fact]
    public async Task Last_retry_of_a_failed_baseline_is_sent()
    {
        var batch = await MapAsync([BridgeNodes.Job("baseline-x86", "fail", retry: 3)], [BridgeNodes.Kbuild()]);

        Assert.Equal("FAIL", Assert.Single(batch.Tests)["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Timed_out_checkout_is_not_sent()
    {
        var checkout = BridgeNodes.Checkout("done", "incomplete");
        checkout.Data["error_code"] = "node_timeout";

        var batch = await MapAsync([checkout]);

        Assert.True(batch.IsEmpty);
    }

    [Fact]
    public async Task Log_excerpt_is_the_last_16_KiB_without_NULs()
    {
        var log = new string('a', 20000) + "\0" + new string('b', 16383) + "Z";
        var build = BridgeNodes.Kbuild(artifacts: new Dictionary<string, string> { ["build_log"] = "http://s/log" });

        var batch = await MapAsync([build], logs: new() { ["http://s/log"] = LogExcerpts.Decode(Gzip(log)) });

        var excerpt = Assert.Single(batch.Builds)["log_excerpt"]!.GetValue<string>();
        Assert.Equal(16384, excerpt.Length);
        Assert.EndsWith("bZ", excerpt, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', excerpt);
    }

    [Fact]
    public async Task Failed_build_with_a_compiler_error_gets_an_issue_and_incident()
    {
        var build = BridgeNodes.Kbuild(result: "fail", artifacts: new Dictionary<string, string> { ["build_log"] = "http://s/log" });
        const string Log = "  CC      init/main.o\ninit/main.c:12:5: error: 'x' undeclared (first use in this function)\nmake: *** Error 1\n";

        var batch = await MapAsync([build], logs: new() { ["http://s/log"] = Log });

        var issue = Assert.Single(batch.Issues, i => i["comment"]!.GetValue<string>().Contains("'x' undeclared", StringComparison.Ordinal));
        Assert.StartsWith("maestro:triage_", issue["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("[triage:", issue["comment"]!.GetValue<string>(), StringComparison.Ordinal);
        var incident = Assert.Single(batch.Incidents, i => i["issue_id"]!.GetValue<string>() == issue["id"]!.GetValue<string>());
        Assert.Equal("maestro:k1", incident["build_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Failed_boot_with_a_kernel_panic_gets_an_issue()
    {
        var job = BridgeNodes.Job("baseline-x86", "fail", retry: 3, artifacts: new Dictionary<string, string> { ["lava_log"] = "http://s/log" });

        var batch = await MapAsync([job], [BridgeNodes.Kbuild()], new() { ["http://s/log"] = "[ 1.0] Kernel panic - not syncing: VFS: Unable to mount root fs\n" });

        Assert.Contains("VFS: Unable to mount root fs", Assert.Single(batch.Issues)["comment"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("maestro:triage_", Assert.Single(batch.Issues)["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("maestro:j1", Assert.Single(batch.Incidents)["test_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_log_still_sends_the_build()
    {
        var build = BridgeNodes.Kbuild(artifacts: new Dictionary<string, string> { ["build_log"] = "http://s/missing" });

        var batch = await MapAsync([build]);

        Assert.Null(Assert.Single(batch.Builds)["log_excerpt"]);
    }

    [Fact]
    public async Task Document_validates_against_the_v5_3_schema()
    {
        var build = BridgeNodes.Kbuild(result: "fail", artifacts: new Dictionary<string, string>
        {
            ["build_log"] = "http://s/log", ["_config"] = "http://s/k1/.config", ["kernel"] = "http://s/k1/bzImage",
        });
        var job = BridgeNodes.Job("baseline-x86", "fail", retry: 3, artifacts: new Dictionary<string, string> { ["lava_log"] = "http://s/jlog" });
        var kunit = BridgeNodes.Job("kunit-x86_64", "pass", ["checkout", "kunit-x86_64"], parent: "c1", id: "u1");
        var logs = new Dictionary<string, string?>
        {
            ["http://s/log"] = "a.c:1:1: error: boom\n", ["http://s/jlog"] = "Kernel panic - not syncing: boom\n",
        };

        var batch = await MapAsync([BridgeNodes.Checkout(), BridgeNodes.Patchset(), build, job, kunit], [BridgeNodes.Kbuild(), BridgeNodes.Checkout()], logs);

        using var document = JsonDocument.Parse(batch.ToDocument().ToJsonString());
        var result = KcidbDocuments.Validate(document.RootElement);
        Assert.Empty(result.Errors);
        Assert.Equal(2, batch.Issues.Count());
    }

    private static async Task<KcidbBatch> MapAsync(IReadOnlyList<MaestroNode> nodes, IReadOnlyList<MaestroNode>? others = null,
        Dictionary<string, string?>? logs = null)
    {
        var mapper = new KcidbMapper("maestro", BridgeNodes.Config, BridgeNodes.Lookup([.. nodes, .. others ?? []]),
            (url, _) => Task.FromResult(url is not null && logs?.TryGetValue(url, out var log) == true ? log : null),
            "http://maestro.example.org:8001/latest/");
        var batch = new KcidbBatch();
        foreach (var node in nodes)
        {
            await mapper.AddAsync(node, batch, TestContext.Current.CancellationToken);
        }

        return batch;
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }
}
