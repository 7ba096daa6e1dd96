using KernelCI.Maestro.Users;
using Microsoft.Extensions.Time.Testing;

namespace KernelCI.Maestro.Tests.Users;

public sealed class UserCacheTests
{
    private static readonly MaestroUser Alice = new("u1", "alice", "alice@example.org", "hash", true, false, true, [], 0);

    private readonly FakeTimeProvider _time = new();

    private UserCache Cache(TimeSpan lifetime) => new(new MaestroOptions { UserCacheLifetime = lifetime }, _time);

    [Fact]
    public void Cached_user_is_served_until_its_lifetime_has_passed()
    {
        var cache = Cache(TimeSpan.FromSeconds(1));
        cache.Add(Alice, cache.Generation);

        _time.Advance(TimeSpan.FromMilliseconds(999));
        var servedBefore = cache.TryGet("u1", out _);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal((true, false), (servedBefore, cache.TryGet("u1", out _)));
    }

    [Fact]
    public void Forgotten_user_is_read_again_at_once()
    {
        var cache = Cache(TimeSpan.FromSeconds(1));
        cache.Add(Alice, cache.Generation);

        cache.Forget("u1");

        Assert.False(cache.TryGet("u1", out _));
    }

    [Fact]
    public void User_read_before_a_change_through_this_replica_is_not_kept()
    {
        var cache = Cache(TimeSpan.FromSeconds(1));
        var generation = cache.Generation;
        cache.Forget("u1");

        cache.Add(Alice, generation);

        Assert.False(cache.TryGet("u1", out _));
    }

    [Fact]
    public void Zero_lifetime_keeps_nothing()
    {
        var cache = Cache(TimeSpan.Zero);

        cache.Add(Alice, cache.Generation);

        Assert.False(cache.TryGet("u1", out _));
    }
}
