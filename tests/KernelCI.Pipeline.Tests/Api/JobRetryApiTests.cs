using System.Text.Json.Nodes;
using KernelCI.Pipeline.Tests.Services.SendKcidb;
using KernelCI.Pipeline.Tests.Stack;

namespace KernelCI.Pipeline.Tests.Api;

public sealed class JobRetryApiTests
{
    [Fact]
    public async Task Job_retry_publishes_the_kbuild_on_retry_narrowed_to_the_job_with_the_next_retry_counter()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);
        var (_, kbuild, job) = await SendKcidbTests.CreateTreeAsync(stack.Maestro);
        var ct = TestContext.Current.CancellationToken;
        var subscription = await stack.Maestro.SubscribeAsync("retry", "test:jobretry", cancellationToken: ct);

        var (status, reply) = await api.PostAsync("api/jobretry", new JsonObject { ["nodeid"] = job.Id }, api.Token("testretry"));

        Assert.Equal(200, status);
        Assert.StartsWith("OK", reply["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var published = Assert.Single(await stack.Maestro.ListenBatchAsync(subscription.Id, 1000, ct)).Data!.AsObject();
        Assert.Equal((kbuild.Id, "kbuild", "available"), (published["id"]!.GetValue<string>(), published["kind"]!.GetValue<string>(),
            published["state"]!.GetValue<string>()));
        Assert.Equal($"""["{job.Name}"]""", published["jobfilter"]!.ToJsonString());
        Assert.Equal(job.RetryCounter + 1, (int)published["retry_counter"]!);
        Assert.Equal(job.Id, published["debug"]!["retry_by"]!.GetValue<string>());
    }

    [Fact]
    public async Task Job_retry_of_a_kbuild_is_400()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);
        var (_, kbuild, _) = await SendKcidbTests.CreateTreeAsync(stack.Maestro);

        var (status, reply) = await api.PostAsync("api/jobretry", new JsonObject { ["nodeid"] = kbuild.Id }, api.Token("testretry"));

        Assert.Equal(400, status);
        Assert.StartsWith("nodeid:", reply["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Job_retry_of_an_unknown_node_is_404()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);

        var (status, reply) = await api.PostAsync("api/jobretry", new JsonObject { ["nodeid"] = "0123456789abcdef01234567" }, api.Token("testretry"));

        Assert.Equal(404, status);
        Assert.StartsWith("nodeid:", reply["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Job_retry_needs_the_testretry_permission()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);

        var (status, _) = await api.PostAsync("api/jobretry", new JsonObject { ["nodeid"] = "0123456789abcdef01234567" }, api.Token("checkout", "patchset"));

        Assert.Equal(401, status);
    }

    [Fact]
    public async Task Job_retry_under_an_endless_chain_of_tests_is_400()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);
        string? parent = null;
        for (var i = 0; i < 40; i++)
        {
            parent = (await stack.Maestro.CreateNodeAsync(new() { Kind = "test", Name = "t" + i, Path = ["t"], Parent = parent },
                TestContext.Current.CancellationToken)).Id;
        }

        var (status, reply) = await api.PostAsync("api/jobretry", new JsonObject { ["nodeid"] = parent }, api.Token("testretry"));

        Assert.Equal(400, status);
        Assert.StartsWith("nodeid: no kbuild within 32 ancestors", reply["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
