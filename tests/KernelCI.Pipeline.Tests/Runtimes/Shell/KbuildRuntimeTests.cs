using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes;
using KernelCI.Pipeline.Runtimes.Shell;
using KernelCI.Pipeline.Services.Tarball;
using KernelCI.Pipeline.Tests.Runtimes;
using KernelCI.Testing;

namespace KernelCI.Pipeline.Tests.Runtimes.Shell;

/// <summary>The shell runtime building linux-source-6.1 for real (tinyconfig + qemu-serial, about five minutes on two
/// cores), a tree broken on purpose, and a checkout whose tarball is missing.</summary>
public sealed class KbuildRuntimeTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(20);

    /// <summary>From the git cache, as the pipeline builds a checkout its tarball service fetched (the tarball's URL
    /// names no file: the build must not need it). The broken-source test below builds from a tarball.</summary>
    [Fact]
    public async Task Kbuild_of_linux_6_1_passes_with_every_artifact_downloadable_and_metadata()
    {
        var kernel = await TestKernel.GetAsync();
        await using var harness = await RuntimeHarness.StartAsync();
        var work = Directory.CreateTempSubdirectory("kernelci-kbuild-git-").FullName;
        var linux = await LinuxTree.CloneAsync(work);
        var revision = new JsonObject
        {
            ["tree"] = "linux-kbuild-" + Guid.NewGuid().ToString("N")[..8], ["url"] = linux.Url, ["branch"] = "main",
            ["commit"] = await linux.HeadAsync(), ["describe"] = "v6.1",
        };
        var cache = harness.Service<GitCache>().DirectoryOf(revision["tree"]!.ToString(), linux.Url);
        await KernelCI.Testing.Git.RunAsync(work, "clone", "-q", "--shared", "--no-checkout", linux.Path, cache);
        var checkout = await harness.CheckoutAsync(revision);
        (string JobId, MaestroNode Node) built;
        try
        {
            built = await BuildAsync(harness, checkout, harness.Urls.For($"tarballs/{checkout.Id}/missing.tar.xz"), kernel);
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
            Directory.Delete(work, recursive: true);
        }

        var (jobId, node) = built;
        Assert.Equal(("done", "pass", null), (node.State, node.Result, node.Data["error_msg"]?.ToString()));
        Assert.Contains("### checking out " + revision["commit"] + " from the git cache", Gunzip(await harness.DownloadAsync(node.Artifacts["build_log"])));
        Assert.Equal(jobId, node.Data["job_id"]!.ToString());
        Assert.Equal(("x86_64", "gcc", "tinyconfig", "tinyconfig+qemu-serial", "bzimage"), (node.Data["arch"]!.ToString(),
            node.Data["compiler"]!.ToString(), node.Data["defconfig"]!.ToString(), node.Data["config_full"]!.ToString(), node.Data["kernel_type"]!.ToString()));
        Assert.Equal(["_config", "build_log", "kernel", "metadata"], node.Artifacts.Keys.Where(k => k != "tarball").Order());
        Assert.All(node.Artifacts.Where(a => a.Key != "tarball"), a => Assert.Contains($"/kbuild-gcc-x86-{node.Id}/", a.Value));
        var image = await harness.DownloadAsync(node.Artifacts["kernel"]);
        Assert.Equal("HdrS", Encoding.ASCII.GetString(image, 0x202, 4));
        var config = Encoding.UTF8.GetString(await harness.DownloadAsync(node.Artifacts["_config"]));
        Assert.Contains("CONFIG_SERIAL_8250_CONSOLE=y", config);
        Assert.Contains("### make bzImage", Gunzip(await harness.DownloadAsync(node.Artifacts["build_log"])));
        var metadata = JsonNode.Parse(await harness.DownloadAsync(node.Artifacts["metadata"]))!;
        Assert.Equal("pass", metadata["build"]!["result"]!.ToString());
        Assert.Equal("make", metadata["build"]!["backend"]!.ToString());
        Assert.Equal("tinyconfig+qemu-serial", metadata["build"]!["config_full"]!.ToString());
        Assert.Equal(node.Artifacts["kernel"], metadata["artifacts"]!["bzImage"]!.ToString());
    }

    [Fact]
    public async Task Kbuild_with_broken_source_fails_with_log_excerpt_and_no_kernel()
    {
        var kernel = await TestKernel.GetAsync();
        // In a fresh folder: in a tree, a compile error is built twice (the clean retry), a minute more of CI for what
        // IncrementalTreeTests and GitTreeBuildTests check on a fake kernel.
        await using var harness = await RuntimeHarness.StartAsync(o => o with { Kbuild = new KbuildOptions { IncrementalTrees = false } });
        var checkout = await harness.CheckoutAsync();
        var tarball = await harness.UploadAsync($"tarballs/{checkout.Id}", kernel.BrokenTarball);
        var (_, node) = await BuildAsync(harness, checkout, tarball, kernel);

        Assert.Equal(("done", "fail"), (node.State, node.Result));
        Assert.Contains("broken on purpose", node.Data["error_msg"]!.ToString());
        Assert.False(node.Artifacts.ContainsKey("kernel"));
        Assert.Contains("broken on purpose", Gunzip(await harness.DownloadAsync(node.Artifacts["build_log"])));
        var metadata = JsonNode.Parse(await harness.DownloadAsync(node.Artifacts["metadata"]))!;
        Assert.Equal("fail", metadata["build"]!["result"]!.ToString());
    }

    [Fact]
    public async Task Kbuild_with_missing_tarball_is_incomplete_with_kbuild_internal_error()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        var checkout = await harness.CheckoutAsync();
        var (_, node) = await BuildAsync(harness, checkout, harness.Urls.For("tarballs/missing/linux.tar.gz"), null);

        Assert.Equal(("done", "incomplete", "kbuild_internal_error"), (node.State, node.Result, node.Data["error_code"]?.ToString()));
        Assert.Contains("404", node.Data["error_msg"]!.ToString());
        Assert.Contains("download failed", Gunzip(await harness.DownloadAsync(node.Artifacts["build_log"])));
    }

    [Fact]
    public async Task Kbuild_past_its_job_timeout_is_killed_and_incomplete()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        var checkout = await harness.CheckoutAsync();
        var tarball = await harness.UploadAsync($"tarballs/{checkout.Id}", TestKernel.SourceTarball);
        var started = DateTime.UtcNow;
        var (_, node) = await BuildAsync(harness, checkout, tarball, null, new JsonObject { ["job_timeout"] = 0.05 });

        Assert.Equal(("done", "incomplete", "node_timeout"), (node.State, node.Result, node.Data["error_code"]?.ToString()));
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Assert.Empty(RuntimeHarness.ProcessesMentioning(node.Id!));
    }

    private static async Task<(string JobId, MaestroNode Node)> BuildAsync(RuntimeHarness harness, MaestroNode checkout, string tarball, TestKernel? kernel,
        JsonObject? extra = null)
    {
        var lines = kernel?.FragmentLines ?? TestKernel.QemuSerialFragment();
        var parameters = new JsonObject
        {
            ["arch"] = "x86_64", ["compiler"] = "gcc", ["defconfig"] = "tinyconfig", ["fragments"] = new JsonArray("qemu-serial"),
            ["fragment_configs"] = new JsonObject { ["qemu-serial"] = new JsonArray(lines.Select(l => (JsonNode)l).ToArray()) },
        };
        foreach (var (name, value) in extra ?? [])
        {
            parameters[name] = value?.DeepClone();
        }

        var node = await harness.ChildAsync(checkout, "kbuild", "kbuild-gcc-x86", new JsonObject { ["platform"] = "kubernetes", ["runtime"] = "local-shell" });
        var request = new JobRequest(node, new JobConfig("kbuild-gcc-x86", "kbuild", "kbuild.jinja2", null, parameters, Rules.None),
            RuntimeHarness.QemuX86, parameters, new Dictionary<string, string> { ["tarball"] = tarball });
        return await harness.RunAsync(harness.Runtime("shell", "local-shell"), request, Limit);
    }

    private static string Gunzip(byte[] data)
    {
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var reader = new StreamReader(input, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
