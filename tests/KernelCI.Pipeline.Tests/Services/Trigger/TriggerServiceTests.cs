using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Tests.Git;
using KernelCI.Pipeline.Tests.Stack;
using KernelCI.Pipeline.Services.Trigger;
using static KernelCI.Pipeline.Tests.Services.Trigger.TriggerFixture;

namespace KernelCI.Pipeline.Tests.Services.Trigger;

public sealed class TriggerServiceTests
{
    [Fact]
    public async Task Trigger_and_tarball_services_turn_each_pushed_commit_into_an_available_checkout()
    {
        await using var stack = await PipelineTestStack.StartAsync(configure: o => o with
        {
            // The delay lets the tarball service subscribe before the first checkout exists.
            Trigger = new TriggerOptions { PollPeriod = TimeSpan.FromMilliseconds(200), StartupDelay = TimeSpan.FromSeconds(1) },
        });
        using var repository = await TestRepository.CreateAsync();
        var first = await repository.CommitAsync("first", ("Makefile", "all:\n"));
        await stack.RunServicesAsync(TreesConfig(("local", repository.Url, "main", null)), "tarball", "trigger");

        await WaitForAvailableAsync(stack, first);
        var second = await repository.CommitAsync("second", ("README", "hello\n"));
        await WaitForAvailableAsync(stack, second);

        Assert.Equal(2, (await CheckoutsAsync(stack)).Count);
    }

    private static async Task WaitForAvailableAsync(PipelineTestStack stack, string commit)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var filter = () => new NodeFilter().Where("kind", "checkout").Where("data.kernel_revision.commit", commit).Where("state", "available");
        while (await stack.Maestro.CountAsync(filter()) == 0)
        {
            await timer.WaitForNextTickAsync(timeout.Token);
        }
    }
}
