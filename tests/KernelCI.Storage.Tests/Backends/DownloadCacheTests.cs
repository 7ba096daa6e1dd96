using System.Net;
using KernelCI.Storage.Backends;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KernelCI.Storage.Tests.Backends;

/// <summary>The local backend's open-file cache and the download fast path must not change what a client sees.</summary>
public sealed class DownloadCacheTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Download_after_overwrite_of_a_cached_object_gets_the_new_version()
    {
        await using var app = await StorageTestApp.StartAsync();
        (await app.UploadAsync("d", app.Token(), ("f.bin", "old"u8.ToArray()))).Dispose();
        Assert.Equal("old", await app.Client.GetStringAsync("/d/f.bin", Cancel));

        (await app.UploadAsync("d", app.Token(), ("f.bin", "newer"u8.ToArray()))).Dispose();

        Assert.Equal("newer", await app.Client.GetStringAsync("/d/f.bin", Cancel));
    }

    [Fact]
    public async Task Object_deleted_on_disk_is_gone_once_its_cache_entry_expires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StorageTestApp.StartAsync(timeProvider: time);
        (await app.UploadAsync("d", app.Token(), ("f.bin", "abc"u8.ToArray()))).Dispose();
        Assert.Equal("abc", await app.Client.GetStringAsync("/d/f.bin", Cancel));
        var backend = (LocalBackend)app.App.Services.GetRequiredService<IStorageBackend>();
        File.Delete(Path.Combine(backend.FilesRoot, "d", "f.bin"));

        time.Advance(OpenFileCache.Lifetime);

        using var response = await app.Client.GetAsync("/d/f.bin", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Unchanged_object_keeps_its_cache_entry_past_its_lifetime()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StorageTestApp.StartAsync(timeProvider: time);
        (await app.UploadAsync("d", app.Token(), ("f.bin", "abc"u8.ToArray()))).Dispose();
        Assert.Equal("abc", await app.Client.GetStringAsync("/d/f.bin", Cancel));
        var backend = (LocalBackend)app.App.Services.GetRequiredService<IStorageBackend>();
        var entry = backend.Cache.Find("d/f.bin");

        time.Advance(OpenFileCache.Lifetime);

        Assert.Equal("abc", await app.Client.GetStringAsync("/d/f.bin", Cancel));
        Assert.NotNull(entry);
        Assert.Same(entry, backend.Cache.Find("d/f.bin"));
    }

    [Fact]
    public async Task Object_replaced_on_disk_is_served_new_once_its_cache_entry_expires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StorageTestApp.StartAsync(timeProvider: time);
        (await app.UploadAsync("d", app.Token(), ("f.bin", "abc"u8.ToArray()))).Dispose();
        Assert.Equal("abc", await app.Client.GetStringAsync("/d/f.bin", Cancel));
        var backend = (LocalBackend)app.App.Services.GetRequiredService<IStorageBackend>();
        var path = Path.Combine(backend.FilesRoot, "d", "f.bin");
        File.WriteAllText(path + ".new", "replaced");
        File.Move(path + ".new", path, overwrite: true);

        time.Advance(OpenFileCache.Lifetime);

        Assert.Equal("replaced", await app.Client.GetStringAsync("/d/f.bin", Cancel));
    }

    [Fact]
    public async Task Repeated_downloads_are_served_from_one_cached_handle()
    {
        await using var app = await StorageTestApp.StartAsync();
        (await app.UploadAsync("d", app.Token(), ("f.bin", "abc"u8.ToArray()))).Dispose();
        var backend = (LocalBackend)app.App.Services.GetRequiredService<IStorageBackend>();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("abc", await app.Client.GetStringAsync("/d/f.bin", Cancel));
        }

        Assert.Equal(1, backend.Cache.Count);
    }

    [Theory]
    [InlineData("health")]
    [InlineData("robots.txt")]
    [InlineData("METRICS")]
    public async Task Object_named_like_an_endpoint_does_not_hide_the_endpoint(string name)
    {
        await using var app = await StorageTestApp.StartAsync();
        using (var upload = await app.UploadAsync("", app.Token(), (name, "stored object"u8.ToArray())))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        var body = await app.Client.GetStringAsync("/" + name, Cancel);

        Assert.NotEqual("stored object", body);
    }

    [Fact]
    public async Task Download_of_more_than_one_read_chunk_over_kestrel_completes_at_once()
    {
        await using var app = await StorageTestApp.StartAsync(kestrel: true);
        var content = new byte[LocalBackend.ReadChunk + 1];
        content[^1] = 7;
        (await app.UploadAsync("d", app.Token(), ("big.bin", content))).Dispose();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));

        var body = await app.Client.GetByteArrayAsync("/d/big.bin", timeout.Token);

        Assert.Equal(content, body);
    }
}
