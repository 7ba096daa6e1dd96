using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Tests.Services.SendKcidb;
using KernelCI.Pipeline.Tests.Stack;

namespace KernelCI.Pipeline.Tests.Api;

public sealed class PatchsetApiTests
{
    private const string Patch = "--- a/Makefile\n+++ b/Makefile\n@@ -1 +1 @@\n-VERSION = 6\n+VERSION = 7\n";

    [Fact]
    public async Task Inline_patches_are_stored_and_a_running_patchset_node_points_at_them()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);
        var checkout = await stack.Maestro.CreateNodeAsync(SendKcidbTests.Checkout("available"), TestContext.Current.CancellationToken);

        var (status, reply) = await api.PostAsync("api/patchset",
            new JsonObject { ["nodeid"] = checkout.Id, ["patch"] = new JsonArray(Patch, Patch) }, api.Token("patchset"));

        Assert.Equal(200, status);
        var node = (await stack.Maestro.GetNodeAsync(reply["node"]!["id"]!.GetValue<string>(), TestContext.Current.CancellationToken))!;
        Assert.Equal(("checkout", "patchset", "running"), (node.Kind, node.Name, node.State));
        Assert.Equal(["checkout", "patchset"], node.Path);
        Assert.Equal(checkout.Id, node.Parent);
        Assert.Equal(["patch0", "patch1"], node.Artifacts.Keys.Order());
        Assert.Contains("/patchset/dev%40example.org/", node.Artifacts["patch0"], StringComparison.Ordinal);
        using var http = new HttpClient();
        Assert.Equal(Patch, await http.GetStringAsync(node.Artifacts["patch1"], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Patch_urls_become_artifacts_as_given()
    {
        await using var stack = await PipelineTestStack.StartAsync(configure: o => o with
        {
            Patchset = new Pipeline.Services.Patchset.PatchsetOptions { AllowedOrigins = ["https://lore.example.org"] },
        });
        await using var api = await PipelineApiHost.StartAsync(stack);
        var checkout = await stack.Maestro.CreateNodeAsync(SendKcidbTests.Checkout("available"), TestContext.Current.CancellationToken);

        var (status, reply) = await api.PostAsync("api/patchset",
            new JsonObject { ["nodeid"] = checkout.Id, ["patchurl"] = new JsonArray("https://lore.example.org/1.patch") }, api.Token("patchset"));

        Assert.Equal(200, status);
        Assert.Equal("https://lore.example.org/1.patch", reply["node"]!["artifacts"]!["patch0"]!.GetValue<string>());
    }

    [Fact]
    public async Task More_than_32_patches_is_400()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);
        var checkout = await stack.Maestro.CreateNodeAsync(SendKcidbTests.Checkout("available"), TestContext.Current.CancellationToken);

        var (status, reply) = await api.PostAsync("api/patchset",
            new JsonObject { ["nodeid"] = checkout.Id, ["patch"] = new JsonArray([.. Enumerable.Range(0, 33).Select(_ => (JsonNode)Patch)]) },
            api.Token("patchset"));

        Assert.Equal(400, status);
        Assert.Equal("patch: at most 32 patches, got 33", reply["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_over_10_MiB_is_400_naming_it()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);
        var checkout = await stack.Maestro.CreateNodeAsync(SendKcidbTests.Checkout("available"), TestContext.Current.CancellationToken);

        var (status, reply) = await api.PostAsync("api/patchset",
            new JsonObject { ["nodeid"] = checkout.Id, ["patch"] = new JsonArray(Patch, new string('x', 10 * 1024 * 1024 + 1)) },
            api.Token("patchset"));

        Assert.Equal(400, status);
        Assert.StartsWith("patch[1]: larger than 10 MiB", reply["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patchset_on_a_node_that_is_not_a_checkout_is_400()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);
        var (_, kbuild, _) = await SendKcidbTests.CreateTreeAsync(stack.Maestro);

        var (status, reply) = await api.PostAsync("api/patchset",
            new JsonObject { ["nodeid"] = kbuild.Id, ["patch"] = new JsonArray(Patch) }, api.Token("patchset"));

        Assert.Equal(400, status);
        Assert.StartsWith("nodeid:", reply["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patchset_needs_the_patchset_permission()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);

        var (status, _) = await api.PostAsync("api/patchset",
            new JsonObject { ["nodeid"] = "0123456789abcdef01234567", ["patch"] = new JsonArray(Patch) }, api.Token("checkout"));

        Assert.Equal(401, status);
    }
}
