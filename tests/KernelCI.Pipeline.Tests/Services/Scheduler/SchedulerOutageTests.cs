using KernelCI.Pipeline.Tests.Stack;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Pipeline.Tests.Services.Scheduler;

/// <summary>The Maestro API briefly down while the scheduler works: the job node is late, never lost.</summary>
public sealed class SchedulerOutageTests
{
    [Fact]
    public async Task Maestro_briefly_down_delays_the_kbuild_node_without_losing_it()
    {
        await using var proxy = await FlakyProxy.StartAsync();
        var failures = 3;
        proxy.Refuse = request => request.Method == "POST" && request.Path.EndsWith("/node", StringComparison.Ordinal)
            && request.Body.Contains("kbuild-gcc-x86", StringComparison.Ordinal) && Interlocked.Decrement(ref failures) >= 0
            ? StatusCodes.Status503ServiceUnavailable
            : null;
        await using var harness = await SchedulerHarness.StartAsync(configure: o => o with { MaestroUrl = proxy.Front(o.MaestroUrl!) });

        var checkout = await harness.AvailableCheckoutAsync();
        // The scheduler waits between attempts on its (fake) clock: move it on until the node gets through.
        using var advancing = new CancellationTokenSource();
        var clock = Task.Run(async () =>
        {
            while (!advancing.IsCancellationRequested)
            {
                harness.Clock.Advance(TimeSpan.FromSeconds(5));
                await Task.Delay(50);
            }
        });
        var request = (await harness.Runtimes.NextAsync()).Single();
        await advancing.CancelAsync();
        await clock;

        Assert.Equal(3, proxy.Refused);
        var children = await harness.ChildrenAsync(checkout);
        Assert.Equal(request.Node.Id, Assert.Single(children).Id);
    }
}
