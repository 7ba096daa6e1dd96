using System.Text.Json;
using KernelCI.Client.Maestro;
using KernelCI.Kcidb.Schema;

namespace KernelCI.EndToEnd.Tests.Pipeline;

/// <summary>Assertions on one real run of the whole loop (<see cref="LoopRun"/>): git → checkout → tarball → kbuild
/// (real gcc build of linux-source-6.1) → QEMU boot and tests → KCIDB.</summary>
public sealed class PipelineLoopTests(LoopRun run) : IClassFixture<LoopRun>
{
    [Fact]
    public async Task Checkout_has_a_downloadable_tarball_and_the_tree_version()
    {
        var checkout = run.FirstCheckout;
        Assert.Equal(("available", "pass"), (checkout.State, checkout.Result));
        var revision = checkout.Data["kernel_revision"]!.AsObject();
        Assert.Equal("local", revision["tree"]!.ToString());
        Assert.Equal("main", revision["branch"]!.ToString());
        Assert.StartsWith("v6.1.", revision["describe"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(6, revision["version"]!["version"]!.GetValue<int>());
        Assert.Equal(1, revision["version"]!["patchlevel"]!.GetValue<int>());
        using var response = await run.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, checkout.Artifacts["tarball"]));
        Assert.True(response.IsSuccessStatusCode, $"tarball {checkout.Artifacts["tarball"]}: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Kbuild_passes_and_its_artifacts_download_from_storage()
    {
        var kbuild = run.FirstKbuild;
        Assert.Equal("pass", kbuild.Result);
        Assert.Equal("x86_64", kbuild.Data["arch"]!.ToString());
        Assert.Equal("bzimage", kbuild.Data["kernel_type"]!.ToString());
        foreach (var key in new[] { "kernel", "build_log", "_config", "metadata" })
        {
            Assert.True(kbuild.Artifacts.ContainsKey(key), $"kbuild has no {key} artifact");
            var bytes = await run.Http.GetByteArrayAsync(kbuild.Artifacts[key]);
            Assert.NotEmpty(bytes);
        }

        var metadata = JsonDocument.Parse(await run.Http.GetStringAsync(kbuild.Artifacts["metadata"]));
        Assert.Equal("x86_64", metadata.RootElement.GetProperty("build").GetProperty("arch").GetString());
    }

    [Fact]
    public void Baseline_job_boots_on_qemu_and_logs_in()
    {
        var baseline = Single(run.FirstTree, n => n.Name == "baseline-x86" && n.Parent == run.FirstKbuild.Id);
        Assert.Equal(("done", "pass"), (baseline.State, baseline.Result));
        Assert.True(baseline.Artifacts.ContainsKey("lava_log"), "the serial log is kept as lava_log");
        var setup = Single(run.FirstTree, n => n.Parent == baseline.Id && n.Name == "setup");
        var login = Single(run.FirstTree, n => n.Parent == setup.Id && n.Name == "login");
        Assert.Equal("pass", login.Result);
    }

    [Fact]
    public void Smoke_job_reports_each_test_case()
    {
        var smoke = Single(run.FirstTree, n => n.Name == "smoke-x86" && n.Parent == run.FirstKbuild.Id);
        Assert.Equal(("done", "pass"), (smoke.State, smoke.Result));
        var cases = run.FirstTree.Where(n => n.Kind == "test" && n.Path.Contains("smoke-x86") && !n.Path.Contains("setup")).ToList();
        Assert.Contains(cases, n => n.Name == "proc-mounted" && n.Result == "pass");
        Assert.Contains(cases, n => n.Name == "uname-x86_64" && n.Result == "pass");
    }

    [Fact]
    public void Kcidb_has_the_checkout_the_build_the_boot_and_the_test_paths()
    {
        var document = run.KcidbFirst;
        var checkout = Assert.Single(LoopRun.Items(document, "checkouts"));
        Assert.Equal("maestro:" + run.FirstCheckout.Id, checkout.GetProperty("id").GetString());
        Assert.Equal(run.FirstCommit, checkout.GetProperty("git_commit_hash").GetString());
        var build = Assert.Single(LoopRun.Builds(document));
        Assert.Equal("maestro:" + run.FirstKbuild.Id, build.GetProperty("id").GetString());
        Assert.Equal("PASS", build.GetProperty("status").GetString());
        // A job and its suite share a path (upstream collapses [job, suite] when they have one name): compare each path's statuses.
        var statuses = LoopRun.Tests(document).ToLookup(t => t.GetProperty("path").GetString()!, t => t.GetProperty("status").GetString());
        foreach (var path in new[] { "boot", "smoke.proc-mounted", "smoke.uname-x86_64" })
        {
            Assert.NotEmpty(statuses[path]);
            Assert.All(statuses[path], status => Assert.Equal("PASS", status));
        }
    }

    [Fact]
    public async Task Dashboard_page_of_the_commit_shows_its_real_build_and_boot()
    {
        // The page run.sh ends by pointing at (scripts/demo-pipeline.sh writes its address).
        var page = new Uri(run.DashboardUrl, $"/tree/local/main/{run.FirstCommit}");

        var builds = await run.Http.GetStringAsync(page);
        var boots = await run.Http.GetStringAsync(page + "?tab=boots");

        Assert.Contains("/build/maestro%3A" + run.FirstKbuild.Id, builds, StringComparison.Ordinal);
        Assert.Contains("x86_64", builds, StringComparison.Ordinal);
        // The boot group's first pill counts its passed boots.
        Assert.Matches("""group-name">boot</span>\s*<span class="pills">\s*<span class="pill pass"><span aria-hidden="true">(?:✓|&#x2713;) </span>[1-9]""", boots);
    }

    [Fact]
    public void Kcidb_objects_are_valid_against_the_v5_3_schema()
    {
        var result = KcidbDocuments.Validate(run.KcidbFirst.RootElement);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Fact]
    public void Second_push_triggers_a_new_checkout()
    {
        Assert.NotEqual(run.FirstCheckout.Id, run.SecondCheckout.Id);
        Assert.Equal(run.SecondCommit, run.SecondCheckout.Data["kernel_revision"]!["commit"]!.ToString());
        Assert.Equal("pass", run.SecondCheckout.Result);
    }

    [Fact]
    public void Broken_commit_fails_the_build_with_a_log_excerpt_and_no_boot_job()
    {
        Assert.Equal(("done", "fail"), (run.SecondKbuild.State, run.SecondKbuild.Result));
        Assert.DoesNotContain(run.SecondTree, n => n.Kind == "job" && n.Parent == run.SecondKbuild.Id);
        var build = Assert.Single(LoopRun.Builds(run.KcidbSecond));
        Assert.Equal("FAIL", build.GetProperty("status").GetString());
        Assert.Contains("broken on purpose", build.GetProperty("log_excerpt").GetString(), StringComparison.Ordinal);
    }

    private static MaestroNode Single(IReadOnlyList<MaestroNode> nodes, Func<MaestroNode, bool> predicate)
    {
        var matches = nodes.Where(predicate).ToList();
        return Assert.Single(matches);
    }
}
