using System.Text.Json.Nodes;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Tests.Services.SendKcidb;
using KernelCI.Pipeline.Tests.Stack;

namespace KernelCI.Pipeline.Tests.Api;

/// <summary>A checkout or patchset that no scheduler entry would build is refused, not left running until its timeout.</summary>
public sealed class NothingWouldBuildTests
{
    private static readonly JsonObject Request = new()
    {
        ["url"] = "https://git.example.org/linux.git", ["branch"] = "main", ["commit"] = new string('b', 40),
    };

    [Fact]
    public async Task Checkout_on_a_server_without_scheduler_entries_is_503()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack, BridgeNodes.Config);

        var (status, reply) = await api.PostAsync("api/checkout", Request.DeepClone().AsObject(), api.Token("checkout"));

        Assert.Equal(503, status);
        Assert.Contains("this server runs no pipeline configuration", reply["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("nothing would build the checkout", reply["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await stack.Maestro.GetNodesFastAsync(new(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Checkout_with_job_filters_on_a_server_without_scheduler_entries_is_503_not_an_unknown_job()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack, new PipelineConfig());
        var request = Request.DeepClone().AsObject();
        request["jobfilter"] = new JsonArray("kbuild-gcc-12-x86", "baseline-x86");

        var (status, reply) = await api.PostAsync("api/checkout", request, api.Token("checkout"));

        Assert.Equal(503, status);
        Assert.Contains("this server runs no pipeline configuration", reply["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkout_of_a_tree_no_entry_builds_is_400_naming_the_url()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        var config = PipelineApiHost.Config with
        {
            Scheduler = [.. PipelineApiHost.Config.Scheduler.Select(e => e with { Rules = new Rules(new JsonObject { ["tree"] = new JsonArray("mainline") }) })],
        };
        await using var api = await PipelineApiHost.StartAsync(stack, config);

        var (status, reply) = await api.PostAsync("api/checkout", Request.DeepClone().AsObject(), api.Token("checkout"));

        Assert.Equal(400, status);
        Assert.StartsWith("url, branch: no scheduler entry builds tree 'linux' branch 'main'", reply["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkout_whose_jobfilter_leaves_out_every_build_is_400_naming_the_jobfilter()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);
        var request = Request.DeepClone().AsObject();
        request["jobfilter"] = new JsonArray("baseline-x86");

        var (status, reply) = await api.PostAsync("api/checkout", request, api.Token("checkout"));

        Assert.Equal(400, status);
        Assert.Equal("jobfilter: [baseline-x86] allows none of the jobs run on this checkout (kbuild-gcc-x86): nothing would build the checkout",
            reply["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patchset_on_a_server_without_scheduler_entries_is_503()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack, BridgeNodes.Config);
        var checkout = await stack.Maestro.CreateNodeAsync(SendKcidbTests.Checkout("available"), TestContext.Current.CancellationToken);

        var (status, reply) = await api.PostAsync("api/patchset",
            new JsonObject { ["nodeid"] = checkout.Id, ["patch"] = new JsonArray("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n") }, api.Token("patchset"));

        Assert.Equal(503, status);
        Assert.Contains("no scheduler entry runs on a new patchset", reply["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
