using System.Security.Cryptography;
using System.Text;
using KernelCI.Pipeline.Services.Patchset;
using KernelCI.Pipeline.Tests.Git;
using KernelCI.Pipeline.Tests.Stack;
using static KernelCI.Pipeline.Tests.Services.Patchset.PatchsetFixture;

namespace KernelCI.Pipeline.Tests.Services.Patchset;

public sealed class PatchsetTests
{
    [Fact]
    public async Task Good_patch_is_applied_onto_the_parent_tarball_and_the_node_is_available()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        var checkout = await CheckoutAsync(stack, repository);
        var node = await PatchsetAsync(stack, checkout, await UploadPatchAsync(stack, GoodPatch));
        var before = DateTime.UtcNow;

        var done = await PollAsync(stack, node);

        Assert.Equal(("available", "pass"), (done.State, done.Result));
        var perPatch = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(GoodPatch)));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(perPatch)));
        Assert.Equal(hash, done.Data["kernel_revision"]!["patchset"]!.ToString());
        var parentName = checkout.Artifacts["tarball"][..^".tar.gz".Length];
        Assert.Equal($"{parentName}-{hash[..13]}-{node.Id![^12..]}.tar.gz", done.Artifacts["tarball"]);
        Assert.Equal("int y;\n", await ReadEntryAsync(stack, done.Artifacts["tarball"], "/kernel/sched.c"));
        Assert.InRange(done.Holdoff!.Value, before.AddMinutes(9), DateTime.UtcNow.AddMinutes(11));
    }

    [Fact]
    public async Task Patchset_waits_while_its_parent_checkout_is_running()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        var parent = await stack.Maestro.CreateNodeAsync(new() { Kind = "checkout", Name = "checkout", Path = ["checkout"] });
        var node = await PatchsetAsync(stack, parent, await UploadPatchAsync(stack, GoodPatch));

        Assert.Equal("running", (await PollAsync(stack, node)).State);
    }

    [Fact]
    public async Task Patchset_of_a_failed_checkout_fails()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        var parent = await stack.Maestro.CreateNodeAsync(new() { Kind = "checkout", Name = "checkout", Path = ["checkout"] });
        await stack.Maestro.PatchNodeAsync(parent.Id!, new() { ["state"] = "done", ["result"] = "fail" });
        var node = await PatchsetAsync(stack, parent, await UploadPatchAsync(stack, GoodPatch));

        var done = await PollAsync(stack, node);

        Assert.Equal(("done", "fail"), (done.State, done.Result));
        Assert.Contains(parent.Id!, done.Data["error_msg"]!.ToString());
    }

    [Fact]
    public async Task Patch_from_a_host_not_allowed_is_refused_before_any_request()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        var checkout = await CheckoutAsync(stack, repository);
        var node = await PatchsetAsync(stack, checkout, "http://patches.example.invalid/0001.patch");

        var done = await PollAsync(stack, node, new PatchsetOptions { AllowedOrigins = ["https://lore.kernel.org"] });

        Assert.Equal(("done", "fail"), (done.State, done.Result));
        Assert.Contains("patch0: 'http://patches.example.invalid' is not the storage origin nor an allowed origin", done.Data["error_msg"]!.ToString());
    }

    [Fact]
    public async Task Patch_escaping_the_tree_fails_naming_the_patch_and_path()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        var checkout = await CheckoutAsync(stack, repository);
        var evil = GoodPatch.Replace("a/kernel/sched.c", "a/../../escaped.c").Replace("b/kernel/sched.c", "b/../../escaped.c");
        var node = await PatchsetAsync(stack, checkout, await UploadPatchAsync(stack, GoodPatch, "0001.patch"),
            await UploadPatchAsync(stack, evil, "0002.patch"));

        var done = await PollAsync(stack, node);

        Assert.Equal(("done", "fail"), (done.State, done.Result));
        Assert.Contains("patch1: path 'a/../../escaped.c' leaves the tree", done.Data["error_msg"]!.ToString());
    }

    [Fact]
    public async Task Patch_that_does_not_apply_fails_with_patch_output()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        var checkout = await CheckoutAsync(stack, repository);
        var node = await PatchsetAsync(stack, checkout, await UploadPatchAsync(stack, GoodPatch.Replace("-int x;", "-int z;")));

        var done = await PollAsync(stack, node);

        Assert.Equal(("done", "fail"), (done.State, done.Result));
        Assert.StartsWith("patch0 does not apply", done.Data["error_msg"]!.ToString());
    }

    [Fact]
    public async Task Symlink_patch_with_a_loosely_spaced_mode_fails_the_node()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        var checkout = await CheckoutAsync(stack, repository);
        const string link = "diff --git a/etc b/etc\nnew file mode  120000\n--- /dev/null\n+++ b/etc\n@@ -0,0 +1 @@\n+/etc\n\\ No newline at end of file\n";
        var node = await PatchsetAsync(stack, checkout, await UploadPatchAsync(stack, link));

        var done = await PollAsync(stack, node);

        Assert.Equal(("done", "fail"), (done.State, done.Result));
        Assert.Contains("patch0: symlinks are not accepted", done.Data["error_msg"]!.ToString());
        Assert.False(done.Artifacts.ContainsKey("tarball"));
    }
}
