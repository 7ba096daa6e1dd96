using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Services.JobRetry;
using KernelCI.Pipeline.Tests.Stack;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Tests.Services.JobRetry;

public sealed class JobRetryTests
{
    [Fact]
    public async Task Incomplete_kbuild_republishes_its_checkout_on_retry_narrowed_to_the_kbuild_and_its_jobs()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        var checkout = await CreateAsync(stack, "checkout", "checkout", null, "available", "pass");
        var kbuild = await CreateAsync(stack, "kbuild", "kbuild-gcc-x86", checkout.Id, "done", "incomplete");
        var subscription = await stack.Maestro.SubscribeAsync("retry");

        await HandleAsync(stack, kbuild);

        var retry = await NextRetryAsync(stack, subscription.Id);
        Assert.Equal(checkout.Id, retry["id"]!.ToString());
        Assert.Equal("available", retry["state"]!.ToString());
        Assert.Equal(["kbuild-gcc-x86+"], retry["jobfilter"]!.AsArray().Select(j => j!.ToString()));
        Assert.Empty(retry["platform_filter"]!.AsArray());
        Assert.Equal(1, (int)retry["retry_counter"]!);
        Assert.Equal(kbuild.Id, retry["debug"]!["retry_by"]!.ToString());
    }

    [Fact]
    public async Task Failed_baseline_job_republishes_its_kbuild_with_job_and_platform_filters()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        var kbuild = await CreateAsync(stack, "kbuild", "kbuild-gcc-x86", null, "available", "pass");
        var job = await CreateAsync(stack, "job", "baseline-x86", kbuild.Id, "done", "fail", retryCounter: 1, platform: "qemu-x86_64");
        var subscription = await stack.Maestro.SubscribeAsync("retry");

        await HandleAsync(stack, job);

        var retry = await NextRetryAsync(stack, subscription.Id);
        Assert.Equal(kbuild.Id, retry["id"]!.ToString());
        Assert.Equal(["baseline-x86"], retry["jobfilter"]!.AsArray().Select(j => j!.ToString()));
        Assert.Equal(["qemu-x86_64"], retry["platform_filter"]!.AsArray().Select(j => j!.ToString()));
        Assert.Equal(2, (int)retry["retry_counter"]!);
    }

    [Fact]
    public async Task Third_retry_is_the_last()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        var checkout = await CreateAsync(stack, "checkout", "checkout", null, "available", "pass");
        var kbuild = await CreateAsync(stack, "kbuild", "kbuild-gcc-x86", checkout.Id, "done", "incomplete", retryCounter: 3);
        var subscription = await stack.Maestro.SubscribeAsync("retry");

        await HandleAsync(stack, kbuild);
        await stack.Maestro.PublishAsync("retry", new JsonObject { ["marker"] = true });

        Assert.True((bool)(await NextRetryAsync(stack, subscription.Id))["marker"]!);
    }

    [Fact]
    public async Task Failed_baseline_of_a_bisection_step_is_left_to_the_bisection()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        var kbuild = await CreateAsync(stack, "kbuild", "kbuild-gcc-x86", null, "done", "pass", bisection: "maestro:regression-1");
        var job = await CreateAsync(stack, "job", "baseline-x86", kbuild.Id, "done", "fail", platform: "qemu-x86_64", bisection: "maestro:regression-1");
        var subscription = await stack.Maestro.SubscribeAsync("retry");

        await HandleAsync(stack, job);
        await stack.Maestro.PublishAsync("retry", new JsonObject { ["marker"] = true });

        Assert.True((bool)(await NextRetryAsync(stack, subscription.Id))["marker"]!);
    }

    [Theory]
    [InlineData("job", "kselftest-x86", "fail", 0, false)]
    [InlineData("job", "baseline-x86", "pass", 0, false)]
    [InlineData("test", "baseline-x86", "incomplete", 0, false)]
    [InlineData("job", "kselftest-x86", "incomplete", 2, true)]
    [InlineData("kbuild", "kbuild-gcc-x86", "fail", 0, false)]
    [InlineData("kbuild", "kbuild-gcc-x86", "incomplete", 3, false)]
    public void Only_incomplete_or_failed_baseline_under_three_retries_is_retried(string kind, string name, string result, int counter, bool expected) =>
        Assert.Equal(expected, JobRetryService.Retryable(new MaestroNode { Kind = kind, Name = name, State = "done", Result = result, RetryCounter = counter }));

    private static async Task HandleAsync(PipelineTestStack stack, MaestroNode node)
    {
        var service = stack.Services(new PipelineConfig(), JobRetryRegistration.Add).GetRequiredService<JobRetryService>();
        var data = new JsonObject { ["op"] = "updated", ["id"] = node.Id, ["kind"] = node.Kind, ["name"] = node.Name, ["state"] = node.State, ["result"] = node.Result };
        await service.HandleAsync(new MaestroEvent(1, "node", "pipeline", data, "{}"), TestContext.Current.CancellationToken);
    }

    private static async Task<JsonObject> NextRetryAsync(PipelineTestStack stack, long subscription)
    {
        var events = await stack.Maestro.ListenBatchAsync(subscription, 10);
        return Assert.Single(events).Data!.AsObject();
    }

    private static async Task<MaestroNode> CreateAsync(PipelineTestStack stack, string kind, string name, string? parent, string state, string result,
        int retryCounter = 0, string? platform = null, string? bisection = null)
    {
        var data = new JsonObject();
        if (platform is not null)
        {
            data["platform"] = platform;
        }

        var node = await stack.Maestro.CreateNodeAsync(new MaestroNode
        {
            Kind = kind,
            Name = name,
            Path = [name],
            Parent = parent,
            Data = data,
            RetryCounter = retryCounter,
            Debug = bisection is null ? [] : new JsonObject { ["bisection"] = bisection },
        });
        return await stack.Maestro.PatchNodeAsync(node.Id!, new JsonObject { ["state"] = state, ["result"] = result });
    }
}
