using System.Net;
using KernelCI.Pipeline.Runtimes.Lava;
using Microsoft.Extensions.Logging.Abstractions;

namespace KernelCI.Pipeline.Tests.Runtimes.Lava;

public sealed class LavaQueueGateTests
{
    private readonly FakeLava _lava = new();

    [Fact]
    public async Task Lab_with_room_admits_the_job()
    {
        _lava.Reply = Lab(online: 2, queued: 99);

        Assert.True(await Gate().AdmitsAsync("baseline", "qemu", 0, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Queue_at_max_depth_times_online_devices_skips_the_job()
    {
        _lava.Reply = Lab(online: 2, queued: 100);

        Assert.False(await Gate().AdmitsAsync("baseline", "qemu", 0, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Higher_priority_gets_a_deeper_queue_up_to_the_factor()
    {
        _lava.Reply = Lab(online: 2, queued: 150);

        Assert.True(await Gate().AdmitsAsync("baseline", "qemu", 60, TestContext.Current.CancellationToken));
        Assert.False(await Gate().AdmitsAsync("baseline", "qemu", 40, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Only_devices_in_good_or_unknown_health_count_as_online()
    {
        _lava.Reply = r => r.PathAndQuery.Contains("/devices/", StringComparison.Ordinal)
            ? (HttpStatusCode.OK, """{"next":null,"results":[{"device_type":"qemu","health":"Bad"},{"device_type":"qemu","health":"Maintenance"}]}""")
            : (HttpStatusCode.OK, """{"count":0}""");

        Assert.False(await Gate().AdmitsAsync("baseline", "qemu", 20, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Queue_check_asks_for_submitted_jobs_of_the_device_type()
    {
        _lava.Reply = Lab(online: 1, queued: 0, deviceType: "rk3399-gru-kevin");

        await Gate().AdmitsAsync("baseline", "rk3399-gru-kevin", 20, TestContext.Current.CancellationToken);

        Assert.Equal(["/api/v0.2/devices/?device_type=rk3399-gru-kevin", "/api/v0.2/jobs/?state=Submitted&requested_device_type=rk3399-gru-kevin"],
            _lava.Requests.Select(r => r.PathAndQuery));
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task Failing_queue_check_admits_the_job(HttpStatusCode status)
    {
        _lava.Reply = _ => (status, """{"detail":"nope"}""");

        Assert.True(await Gate().AdmitsAsync("baseline", "qemu", 20, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Unreachable_lab_admits_the_job()
    {
        _lava.Reply = _ => throw new HttpRequestException("connection refused");

        Assert.True(await Gate().AdmitsAsync("baseline", "qemu", 20, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Disabled_queue_limit_asks_nothing()
    {
        var lab = LavaRequests.Lab() with { DisableQueueLimit = true };

        Assert.True(await new LavaQueueGate(lab, Client(), NullLogger.Instance).AdmitsAsync("baseline", "qemu", 20, TestContext.Current.CancellationToken));
        Assert.Empty(_lava.Requests);
    }

    private LavaQueueGate Gate() => new(LavaRequests.Lab(), Client(), NullLogger.Instance);

    private LavaRestClient Client() => new(new LavaHttp(() => _lava).Client(new Uri("https://lava.example.org/")), "lava-test", "token");

    private static Func<FakeLava.Request, (HttpStatusCode, string)> Lab(int online, int queued, string deviceType = "qemu") => r =>
        r.PathAndQuery.Contains("/devices/", StringComparison.Ordinal)
            ? (HttpStatusCode.OK, $$"""{"next":null,"results":[{{string.Join(",", Enumerable.Repeat($$"""{"device_type":"{{deviceType}}","health":"Good"}""", online))}}]}""")
            : (HttpStatusCode.OK, $$"""{"count":{{queued}}}""");
}
