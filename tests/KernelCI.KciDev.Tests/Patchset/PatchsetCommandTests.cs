using KernelCI.KciDev.Tests.Pipeline;

namespace KernelCI.KciDev.Tests.Patchset;

/// <summary>`patchset` against the real pipeline API (kci-dev.md §2.1): inline patches or URLs on a checkout node.</summary>
public sealed class PatchsetCommandTests(PipelineServersFixture fixture) : IClassFixture<PipelineServersFixture>, IDisposable
{
    private const string Patch = "From: Dev <dev@example.org>\nSubject: [PATCH] fix\n\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n";

    private readonly PipelineKciDev _kciDev = new(fixture.Servers, fixture.Servers.Token("patchset"));

    [Fact]
    public async Task Patchset_sends_local_patches_inline_and_prints_the_patchset_node()
    {
        var checkout = await CheckoutAsync();
        var first = WritePatch("0001.patch", Patch);
        var second = WritePatch("0002.patch", Patch.Replace("fix", "fix more", StringComparison.Ordinal));

        var result = await _kciDev.RunAsync("patchset", "--nodeid", checkout.Id!, "--patch", first, "--patch", second, "--job-filter", SampleTree.Kbuild);

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        var (request, body) = _kciDev.PipelineRequest();
        Assert.Equal(("/api/patchset", fixture.Servers.Token("patchset")), (request.PathAndQuery, request.Authorization));
        Assert.Equal(checkout.Id, body["nodeid"]!.ToString());
        Assert.Equal([Patch, Patch.Replace("fix", "fix more", StringComparison.Ordinal)], body["patch"]!.AsArray().Select(p => p!.ToString()));
        Assert.Equal($"[\"{SampleTree.Kbuild}\"]", body["jobfilter"]!.ToJsonString());
        Assert.False(body.ContainsKey("patchurl") || body.ContainsKey("platformfilter"));
        var patchset = (await fixture.Servers.Maestro.GetNodesFastAsync(new Client.Maestro.NodeFilter().Where("parent", checkout.Id), TestContext.Current.CancellationToken)).Single();
        Assert.Equal($"OK\ntreeid: {patchset.Treeid}\npatchset_nodeid: {patchset.Id}\n", result.Output);
    }

    [Fact]
    public async Task Patchset_sends_patch_urls()
    {
        var checkout = await CheckoutAsync();
        var url = new Uri(new Uri(fixture.Servers.Options.StorageUrl!), "patches/fix.patch").ToString();

        await _kciDev.RunAsync("patchset", "--nodeid", checkout.Id!, "--patchurl", url);

        Assert.Equal($"[\"{url}\"]", _kciDev.PipelineRequest().Body["patchurl"]!.ToJsonString());
    }

    [Theory]
    [InlineData("", "patch file is empty")]
    [InlineData("a\0b", "binary content not allowed (a NUL byte)")]
    public async Task Patchset_refuses_a_bad_patch_file_before_sending(string content, string error)
    {
        var path = WritePatch("bad.patch", content);

        var result = await _kciDev.RunAsync("patchset", "--nodeid", "0123456789abcdef01234567", "--patch", path);

        Assert.Equal((1, $"kci-dev: --patch {path}: {error}\n"), (result.ExitCode, result.Error));
        Assert.Empty(_kciDev.Requests);
    }

    [Fact]
    public async Task Patchset_refuses_a_file_that_is_not_utf8()
    {
        var path = Path.Combine(_kciDev.Harness.WorkingDirectory, "latin1.patch");
        await File.WriteAllBytesAsync(path, [0x66, 0x69, 0x78, 0xe9, 0x0a], TestContext.Current.CancellationToken);

        var result = await _kciDev.RunAsync("patchset", "--nodeid", "0123456789abcdef01234567", "--patch", path);

        Assert.Equal((1, $"kci-dev: --patch {path}: not valid UTF-8 text\n"), (result.ExitCode, result.Error));
    }

    [Fact]
    public async Task Patchset_refuses_a_file_over_10_MiB()
    {
        var path = WritePatch("huge.patch", new string('x', 10 * 1024 * 1024 + 1));

        var result = await _kciDev.RunAsync("patchset", "--nodeid", "0123456789abcdef01234567", "--patch", path);

        Assert.Equal((1, $"kci-dev: --patch {path}: patch too large (10485761 bytes, maximum 10485760)\n"), (result.ExitCode, result.Error));
    }

    [Fact]
    public async Task Patchset_refuses_more_than_32_files()
    {
        var arguments = new List<string> { "patchset", "--nodeid", "0123456789abcdef01234567" };
        for (var i = 0; i < 33; i++)
        {
            arguments.AddRange(["--patch", WritePatch($"{i:0000}.patch", Patch)]);
        }

        var result = await _kciDev.RunAsync([.. arguments]);

        Assert.Equal((1, "kci-dev: --patch: too many patches: 33 (maximum 32)\n"), (result.ExitCode, result.Error));
    }

    [Theory]
    [InlineData(true, "kci-dev: --patch and --patchurl are mutually exclusive\n")]
    [InlineData(false, "kci-dev: --patch: either --patch FILE or --patchurl URL is required\n")]
    public async Task Patchset_needs_exactly_one_kind_of_patch(bool both, string error)
    {
        string[] arguments = both
            ? ["patchset", "--nodeid", "0123456789abcdef01234567", "--patch", WritePatch("a.patch", Patch), "--patchurl", "https://example.org/a.patch"]
            : ["patchset", "--nodeid", "0123456789abcdef01234567"];

        var result = await _kciDev.RunAsync(arguments);

        Assert.Equal((1, error), (result.ExitCode, result.Error));
    }

    [Fact]
    public async Task Patchset_on_an_unknown_node_exits_64()
    {
        var result = await _kciDev.RunAsync("patchset", "--nodeid", "0123456789abcdef01234567", "--patch", WritePatch("a.patch", Patch));

        Assert.Equal(64, result.ExitCode);
        Assert.StartsWith("kci-dev: pipeline: HTTP 404: ", result.Error);
    }

    [Fact]
    public async Task Patchset_watch_follows_the_patchset_tree()
    {
        var checkout = await CheckoutAsync();
        await using var created = await NodeCreated.ListenAsync(fixture.Servers.Maestro, "patchset");
        var run = _kciDev.RunAsync("patchset", "--nodeid", checkout.Id!, "--patch", WritePatch("a.patch", Patch),
            "--job-filter", SampleTree.Kbuild, "--watch", "--test", SampleTree.Kbuild).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        var tree = SampleTree.Of(fixture.Servers.Maestro, await created.NextAsync());

        await tree.BuildAsync();
        await tree.SetAsync(tree.Checkout!, "available", null);
        await tree.SetAsync(tree.Build!, "done", "fail");

        var result = await run;
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"PASS branch patchset - node_id:{tree.Checkout!.Id}", result.Output);
    }

    public void Dispose() => _kciDev.Dispose();

    private async Task<Client.Maestro.MaestroNode> CheckoutAsync()
    {
        var tree = new SampleTree(fixture.Servers.Maestro, Guid.NewGuid().ToString("N")[..24]);
        return await tree.CheckoutAsync(state: "available");
    }

    private string WritePatch(string name, string content)
    {
        var path = Path.Combine(_kciDev.Harness.WorkingDirectory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
