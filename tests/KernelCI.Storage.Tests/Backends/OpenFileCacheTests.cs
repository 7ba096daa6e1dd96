using KernelCI.Storage.Backends;
using Microsoft.Extensions.Time.Testing;

namespace KernelCI.Storage.Tests.Backends;

public sealed class OpenFileCacheTests : IDisposable
{
    private readonly string _path = Path.GetTempFileName();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Offer_made_before_an_invalidation_is_dropped()
    {
        var cache = new OpenFileCache(_time, 8);
        var generation = cache.Generation;
        cache.Invalidate("k");

        cache.Offer("k", Open(cache), generation);

        Assert.Null(cache.Find("k"));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Invalidate_drops_the_cached_version()
    {
        var cache = new OpenFileCache(_time, 8);
        cache.Offer("k", Open(cache), cache.Generation);

        cache.Invalidate("k");

        Assert.Null(cache.Find("k"));
    }

    [Fact]
    public void Entry_expires_after_its_lifetime()
    {
        var cache = new OpenFileCache(_time, 8);
        cache.Offer("k", Open(cache), cache.Generation);
        Assert.NotNull(cache.Find("k"));

        _time.Advance(OpenFileCache.Lifetime);

        Assert.Null(cache.Find("k"));
    }

    [Fact]
    public void Evicted_file_stays_readable_by_a_reader_holding_it()
    {
        var cache = new OpenFileCache(_time, 8);
        var file = Open(cache);
        cache.Offer("k", file, cache.Generation);
        Assert.True(file.TryAcquire());

        cache.Invalidate("k");

        Assert.Equal(3, RandomAccess.Read(file.Handle, new byte[3], 0));
        file.Release();
        Assert.False(file.TryAcquire());
    }

    [Fact]
    public void Full_cache_keeps_its_live_entries_and_drops_the_offer()
    {
        var cache = new OpenFileCache(_time, 1);
        cache.Offer("a", Open(cache), cache.Generation);
        var extra = Open(cache);

        cache.Offer("b", extra, cache.Generation);

        Assert.NotNull(cache.Find("a"));
        Assert.Null(cache.Find("b"));
        Assert.False(extra.TryAcquire());
    }

    [Fact]
    public void Full_cache_makes_room_by_dropping_expired_entries()
    {
        var cache = new OpenFileCache(_time, 1);
        cache.Offer("a", Open(cache), cache.Generation);
        _time.Advance(OpenFileCache.Lifetime);

        cache.Offer("b", Open(cache), cache.Generation);

        Assert.NotNull(cache.Find("b"));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Offer_dropped_by_a_full_cache_gives_its_content_back_to_the_budget()
    {
        var cache = new OpenFileCache(_time, 1, contentBudget: 6);
        cache.Offer("a", Open(cache), cache.Generation);
        Assert.True(cache.TryReserve(3));

        cache.Offer("b", Open(cache, "abc"u8.ToArray()), cache.Generation);

        Assert.Equal(0, cache.ContentBytes);
    }

    [Fact]
    public void Reservation_over_the_budget_is_refused()
    {
        var cache = new OpenFileCache(_time, 8, contentBudget: 5);
        Assert.True(cache.TryReserve(3));

        Assert.False(cache.TryReserve(3));
        Assert.Equal(3, cache.ContentBytes);
    }

    [Fact]
    public void Expired_entry_of_the_version_on_disk_is_renewed()
    {
        var cache = new OpenFileCache(_time, 8);
        var file = Open(cache);
        cache.Offer("k", file, cache.Generation);
        _time.Advance(OpenFileCache.Lifetime);

        var renewed = cache.Renew("k", file.Stored with { }, cache.Generation);

        Assert.Same(file, renewed);
        Assert.Same(file, cache.Find("k"));
    }

    [Fact]
    public void Expired_entry_of_another_version_is_dropped_on_renewal()
    {
        var cache = new OpenFileCache(_time, 8);
        var file = Open(cache);
        cache.Offer("k", file, cache.Generation);
        _time.Advance(OpenFileCache.Lifetime);

        var renewed = cache.Renew("k", file.Stored with { ETag = "\"other\"" }, cache.Generation);

        Assert.Null(renewed);
        Assert.Equal(0, cache.Count);
        Assert.False(file.TryAcquire());
    }

    [Fact]
    public void Renewal_with_properties_read_before_an_invalidation_is_refused()
    {
        var cache = new OpenFileCache(_time, 8);
        var file = Open(cache);
        cache.Offer("k", file, cache.Generation);
        _time.Advance(OpenFileCache.Lifetime);
        var generation = cache.Generation;
        cache.Invalidate("other");

        Assert.Null(cache.Renew("k", file.Stored with { }, generation));
        Assert.Null(cache.Find("k"));
    }

    public void Dispose() => File.Delete(_path);

    private OpenFile Open(OpenFileCache cache, byte[]? content = null)
    {
        File.WriteAllBytes(_path, "abc"u8.ToArray());
        var stored = new StoredObject("k", 3, "\"e\"", DateTimeOffset.UnixEpoch, ContentTypes.Default);
        return new OpenFile(File.OpenHandle(_path), stored, cache.ExpiresFromNow(), content);
    }
}
