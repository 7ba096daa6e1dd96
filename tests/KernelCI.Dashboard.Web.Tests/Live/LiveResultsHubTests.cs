using KernelCI.Dashboard.Web.Live;

namespace KernelCI.Dashboard.Web.Tests.Live;

public sealed class LiveResultsHubTests
{
    [Fact]
    public async Task Delivery_wakes_only_the_streams_of_those_checkouts()
    {
        var live = new LiveResults();
        using var mine = live.Subscribe(new HashSet<string> { "a" });
        using var other = live.Subscribe(new HashSet<string> { "b" });

        live.Deliver(["a", "c"]);
        live.Deliver(["a"]);
        other.Heartbeat();

        Assert.Equal((true, false), await mine.WaitAsync(TestContext.Current.CancellationToken));
        Assert.Equal((false, true), await other.WaitAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Disposed_stream_is_no_longer_counted()
    {
        var live = new LiveResults();
        var stream = live.Subscribe(new HashSet<string> { "a", "b" });

        stream.Dispose();

        Assert.Equal(0, live.Count);
        Assert.True(live.WaitForNoneAsync(TestContext.Current.CancellationToken).IsCompleted);
    }

    [Fact]
    public void Subscription_past_the_limit_is_refused_until_one_ends()
    {
        var live = new LiveResults();
        var open = live.TrySubscribe(new HashSet<string> { "a" }, max: 1);

        var refused = live.TrySubscribe(new HashSet<string> { "b" }, max: 1);
        open!.Dispose();
        using var later = live.TrySubscribe(new HashSet<string> { "b" }, max: 1);

        Assert.Null(refused);
        Assert.NotNull(later);
    }
}
