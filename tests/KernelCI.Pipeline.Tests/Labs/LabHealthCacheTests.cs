using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Labs;
using KernelCI.ServiceDefaults.Labs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KernelCI.Pipeline.Tests.Labs;

public sealed class LabHealthCacheTests
{
    private static readonly RuntimeConfig Lab = LabViewHost.Runtime("lava-fake", "fake");

    private static FakeLabKind Answering() => new(_ => Task.FromResult<IReadOnlyList<LabDevice>?>([new("d1", "qemu", "Good")]));

    [Fact]
    public async Task Lab_is_asked_once_within_the_cache_lifetime()
    {
        var time = new FakeTimeProvider();
        var kind = Answering();
        var cache = new LabHealthCache([kind], time, NullLogger<LabHealthCache>.Instance);

        await cache.GetAsync(Lab, TestContext.Current.CancellationToken);
        time.Advance(LabHealthCache.Lifetime - TimeSpan.FromSeconds(1));
        var second = await cache.GetAsync(Lab, TestContext.Current.CancellationToken);

        Assert.Equal((1, LabHealth.Ok), (kind.Asked, second.Health.Status));
    }

    [Fact]
    public async Task Lab_is_asked_again_once_the_cache_lifetime_is_over()
    {
        var time = new FakeTimeProvider();
        var kind = Answering();
        var cache = new LabHealthCache([kind], time, NullLogger<LabHealthCache>.Instance);

        await cache.GetAsync(Lab, TestContext.Current.CancellationToken);
        time.Advance(LabHealthCache.Lifetime);
        await cache.GetAsync(Lab, TestContext.Current.CancellationToken);

        Assert.Equal(2, kind.Asked);
    }

    [Fact]
    public async Task Lab_that_does_not_answer_in_time_is_unreachable()
    {
        var time = new FakeTimeProvider();
        var kind = new FakeLabKind(async ct =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return null;
        });
        var cache = new LabHealthCache([kind], time, NullLogger<LabHealthCache>.Instance);

        var pending = cache.GetAsync(Lab, TestContext.Current.CancellationToken);
        time.Advance(LabHealthCache.Timeout);
        var answer = await pending;

        Assert.Equal(LabHealth.Unreachable, answer.Health.Status);
        Assert.Contains("no answer within", answer.Health.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lab_whose_query_fails_is_unreachable_with_the_failure()
    {
        var kind = new FakeLabKind(_ => throw new HttpRequestException("connection refused"));
        var cache = new LabHealthCache([kind], new FakeTimeProvider(), NullLogger<LabHealthCache>.Instance);

        var answer = await cache.GetAsync(Lab, TestContext.Current.CancellationToken);

        Assert.Equal((LabHealth.Unreachable, "connection refused"), (answer.Health.Status, answer.Health.Message));
    }
}
