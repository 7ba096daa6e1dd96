using System.IO.Compression;
using System.Text;
using System.Text.Json;
using KernelCI.Client.Maestro;
using KernelCI.Kcidb.Schema;
using KernelCI.Testing;

namespace KernelCI.EndToEnd.Tests.Lava;

/// <summary>Assertions on one real run of our kernel through the real LAVA lab (<see cref="LavaRun"/>).</summary>
public sealed class LavaEndToEndTests(LavaRun run) : IClassFixture<LavaRun>
{
    [Fact]
    public void Baseline_job_boots_on_the_lab_s_device_and_logs_in()
    {
        var baseline = Job("baseline-lava");
        Assert.Equal(("done", "pass"), (baseline.State, baseline.Result));
        Assert.Equal((LavaLabConfig.Runtime, run.Lab.Device), (baseline.Data["runtime"]?.ToString(), baseline.Data["device"]?.ToString()));
        Assert.False(string.IsNullOrEmpty(baseline.Data["job_id"]?.ToString()), "the node keeps LAVA's job id");
        var setup = Child(baseline, "setup");
        Assert.Equal("pass", Child(setup, "login").Result);
        Assert.Equal("done", Child(setup, "kernelmsg").State);
    }

    [Fact]
    public void Smoke_job_reports_its_suite_and_each_test_case()
    {
        var smoke = Job("smoke-lava");
        Assert.Equal(("done", "pass"), (smoke.State, smoke.Result));
        var cases = run.Tree.Where(n => n.Kind == "test" && n.Path.Contains("smoke-lava") && !n.Path.Contains("setup")).ToList();
        Assert.True(cases.Any(n => n.Name == "proc-mounted" && n.Result == "pass"), run.Describe());
        Assert.True(cases.Any(n => n.Name == "uname-x86_64" && n.Result == "pass"), run.Describe());
    }

    [Fact]
    public async Task Serial_log_downloads_from_storage_with_the_kernel_s_boot()
    {
        var log = await DownloadAsync(Job("baseline-lava"), "lava_log");

        Assert.Contains("Linux version 6.1", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_data_is_stored_without_the_token_and_names_the_kernel_from_our_storage()
    {
        var text = await DownloadAsync(Job("baseline-lava"), "callback_data");

        using var callback = JsonDocument.Parse(text);
        Assert.False(callback.RootElement.TryGetProperty("token", out _), "callback_data keeps no token");
        Assert.DoesNotContain(run.Lab.CallbackToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Lab.RuntimeToken, text, StringComparison.Ordinal);
        // LAVA fetched the kernel the kbuild uploaded: the definition it ran names our storage's URL.
        Assert.Contains(run.Kbuild.Artifacts["kernel"], callback.RootElement.GetProperty("definition").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Kcidb_has_the_boot_test_passed_and_linked_to_the_build()
    {
        var tests = PipelineProbe.Items(run.Kcidb, "tests").ToList();
        var boot = tests.Where(t => t.GetProperty("path").GetString() == "boot").ToList();
        Assert.NotEmpty(boot);
        Assert.All(boot, t => Assert.Equal(("PASS", "maestro:" + run.Kbuild.Id), (t.GetProperty("status").GetString(), t.GetProperty("build_id").GetString())));
        var smoke = tests.Where(t => t.GetProperty("path").GetString() == "smoke.proc-mounted").ToList();
        Assert.NotEmpty(smoke);
        Assert.All(smoke, t => Assert.Equal("PASS", t.GetProperty("status").GetString()));
    }

    [Fact]
    public void Kcidb_objects_are_valid_against_the_v5_3_schema()
    {
        var result = KcidbDocuments.Validate(run.Kcidb.RootElement);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    private MaestroNode Job(string name)
    {
        var jobs = run.Tree.Where(n => n.Name == name && n.Parent == run.Kbuild.Id).ToList();
        Assert.True(jobs.Count == 1, run.Describe());
        return jobs[0];
    }

    private MaestroNode Child(MaestroNode parent, string name) =>
        run.Tree.FirstOrDefault(n => n.Parent == parent.Id && n.Name == name) ?? throw new Xunit.Sdk.XunitException($"no {name} under {parent.Name}:\n{run.Describe()}");

    /// <summary>The artifact's text, gunzipped when stored gzipped (log.txt.gz, lava_callback.json.gz).</summary>
    private async Task<string> DownloadAsync(MaestroNode node, string artifact)
    {
        Assert.True(node.Artifacts.TryGetValue(artifact, out var url), $"{node.Name} has no {artifact}:\n{run.Describe()}");
        var bytes = await run.Http.GetByteArrayAsync(url, TestContext.Current.CancellationToken);
        if (bytes is [0x1f, 0x8b, ..])
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            await gzip.CopyToAsync(plain, TestContext.Current.CancellationToken);
            bytes = plain.ToArray();
        }

        return Encoding.UTF8.GetString(bytes);
    }
}
