using System.Text.Json;
using KernelCI.Client.Maestro;
using KernelCI.Testing;

namespace KernelCI.EndToEnd.Tests.KciDev;

/// <summary>Upstream's kci-dev 0.1.11, unmodified, driving a real pipeline: `checkout --watch --test`, `testretry`,
/// `patchset --watch` and `maestro results` (docs/compatibility.md). One tinyconfig build and QEMU boot is shared.</summary>
public sealed class KciDevPipelineTests(KciDevServer server) : IClassFixture<KciDevServer>
{
    private static readonly TimeSpan RetryBudget = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan KcidbBudget = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Checkout_watch_with_the_boot_test_exits_0_after_a_passing_build_and_boot()
    {
        var run = await server.CheckoutAsync();

        Assert.Equal("pass", run.Kbuild.Result);
        Assert.Equal(("done", "pass"), (run.BootJob.State, run.BootJob.Result));
        // kernelci/kci-dev:kcidev/libs/maestro_common.py (maestro_watch_jobs) exits 0 only when every watched job
        // ended running→done and the test node's result is pass.
        Assert.True(run.Watch.ExitCode == 0, "kci-dev checkout --watch --test " + KciDevServer.BootTest + ": " + run.Watch);
        // kci-dev logs "All jobs completed" only at --debug; what it prints is each watched job's verdict as it ends.
        Assert.Contains("PASS", run.Watch.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_of_a_finished_checkout_exits_0_at_its_first_poll()
    {
        var run = await server.CheckoutAsync();

        // Everything is done already, so the first answer of nodes/fast decides
        // (kernelci/kci-dev:kcidev/libs/maestro_common.py, maestro_watch_jobs): no 30 s polls.
        var watch = await server.KciDevAsync(TimeSpan.FromMinutes(5), "watch", "--nodeid", run.Checkout.Id!,
            "--job-filter", KciDevServer.KbuildJob, "--job-filter", KciDevServer.BootJob, "--test", KciDevServer.BootTest);

        Assert.True(watch.ExitCode == 0, "kci-dev watch --test " + KciDevServer.BootTest + ": " + watch);
    }

    [Fact]
    public async Task Testretry_on_a_finished_boot_job_makes_a_new_job_node_that_runs()
    {
        var run = await server.CheckoutAsync();

        var retry = await server.KciDevAsync("testretry", "--nodeid", run.BootJob.Id!);

        Assert.True(retry.ExitCode == 0, "kci-dev testretry: " + retry);
        var deadline = DateTime.UtcNow + RetryBudget;
        var again = await server.Probe.WaitAsync(
            () => server.Probe.ChildAsync(run.Kbuild, KciDevServer.BootJob, n => n.Id != run.BootJob.Id && n.State == "done"),
            deadline, "a second boot job under the same kbuild", () => retry + "\n" + server.Output);
        Assert.Equal("pass", again.Result);
    }

    [Fact]
    public async Task Patchset_watch_ends_with_the_patched_results_in_kcidb()
    {
        var run = await server.CheckoutAsync();
        var patch = Path.Combine(server.WorkDirectory, "0001-readme.patch");
        await File.WriteAllTextAsync(patch, await PatchAsync());

        var watch = await server.KciDevAsync(KciDevServer.WatchBudget, "patchset", "--nodeid", run.Checkout.Id!, "--patch", patch,
            "--job-filter", KciDevServer.KbuildJob, "--job-filter", KciDevServer.BootJob, "--watch", "--test", KciDevServer.BootTest);

        var id = KciDevServer.Printed(watch, "patchset_nodeid");
        Assert.True(id is not null, "kci-dev printed no patchset_nodeid: " + watch);
        Assert.True(watch.ExitCode == 0, "kci-dev patchset --watch --test " + KciDevServer.BootTest + ": " + watch);
        var patchset = (await server.Maestro.GetNodeAsync(id))!;
        var document = await server.Probe.WaitAsync(() => server.Probe.KcidbWhereAsync(patchset, d => PipelineProbe.HasTestPaths(d, "boot")),
            DateTime.UtcNow + KcidbBudget, "the patchset's boot in KCIDB", () => watch + "\n" + server.Output);
        var checkout = Assert.Single(PipelineProbe.Items(document, "checkouts"));
        Assert.Equal(run.Commit, checkout.GetProperty("git_commit_hash").GetString());
        Assert.False(string.IsNullOrEmpty(checkout.GetProperty("patchset_hash").GetString()), "the patched checkout has a patchset_hash");
        Assert.Equal("PASS", Assert.Single(PipelineProbe.Items(document, "builds")).GetProperty("status").GetString());
        Assert.All(PipelineProbe.Items(document, "tests").Where(t => t.GetProperty("path").GetString() == "boot"),
            t => Assert.Equal("PASS", t.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Maestro_results_nodeid_prints_that_node()
    {
        var run = await server.CheckoutAsync();

        var result = await server.KciDevAsync("maestro", "results", "--nodeid", run.Kbuild.Id!);

        Assert.True(result.ExitCode == 0, result.ToString());
        var node = Assert.Single(Nodes(result));
        Assert.Equal(run.Kbuild.Id, node.GetProperty("id").GetString());
        Assert.Equal(KciDevServer.KbuildJob, node.GetProperty("name").GetString());
        Assert.Equal(run.Checkout.Treeid, node.GetProperty("treeid").GetString());
    }

    [Fact]
    public async Task Maestro_results_with_filters_tree_dates_and_fields_prints_only_the_matching_nodes()
    {
        var run = await server.CheckoutAsync();

        var result = await server.KciDevAsync("maestro", "results", "--nodes", "--filter", "kind=job", "--filter", "treeid=" + run.Checkout.Treeid,
            "--filter", "name=" + KciDevServer.BootJob, "--filter", "id=" + run.BootJob.Id, "--tree", "local", "--start-date", "2000-01-01",
            "--field", "id", "--field", "result");

        Assert.True(result.ExitCode == 0, result.ToString());
        var node = Assert.Single(Nodes(result));
        Assert.Equal(["id", "result"], node.EnumerateObject().Select(p => p.Name));
        Assert.Equal((run.BootJob.Id, "pass"), (node.GetProperty("id").GetString(), node.GetProperty("result").GetString()));
    }

    [Fact]
    public async Task Maestro_results_count_prints_the_number_of_matching_nodes()
    {
        var run = await server.CheckoutAsync();
        var tree = await server.Maestro.GetNodesFastAsync(new NodeFilter().Where("treeid", run.Checkout.Treeid!));

        var all = await server.KciDevAsync("maestro", "results", "--nodes", "--limit", "1000", "--filter", "treeid=" + run.Checkout.Treeid, "--count");
        var none = await server.KciDevAsync("maestro", "results", "--nodes", "--filter", "treeid=" + run.Checkout.Treeid, "--end-date", "2000-01-01", "--count");

        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Equal(tree.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), all.Output.Trim());
        Assert.True(none.ExitCode == 0, none.ToString());
        Assert.Equal("0", none.Output.Trim());
    }

    private static List<JsonElement> Nodes(ProcessResult result) =>
        JsonDocument.Parse(result.Output).RootElement.EnumerateArray().ToList();

    /// <summary>A one-line change to the tree's README as `git format-patch` writes it, the form developers send.</summary>
    private async Task<string> PatchAsync()
    {
        const string branch = "kcidev-patch";
        await Git.RunAsync(server.Tree.Path, "branch", "-f", branch, "main");
        var readme = await server.Tree.ShowAsync("README", branch);
        var commit = await server.Tree.CommitAsync("README: a line from kci-dev's patchset test",
            new Dictionary<string, string> { ["README"] = readme + "\nPatched by the kci-dev patchset test.\n" }, branch);
        return await Git.RunAsync(server.Tree.Path, "format-patch", "-1", "--stdout", commit) + "\n";
    }
}
