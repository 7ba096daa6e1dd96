using System.Net;
using System.Net.Http.Headers;
using KernelCI.Storage.Backends;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Storage.Tests.Backends;

/// <summary>Small objects kept in memory with their open-file cache entry (Storage:ContentCacheBytes) must be served
/// exactly as when read from their file, and never outlive the version they were read from.</summary>
public sealed class ContentCacheTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Small_object_is_held_in_memory_after_its_first_download()
    {
        await using var app = await StorageTestApp.StartAsync();
        await UploadAsync(app, "f.bin", Bytes(10_000));

        await app.Client.GetByteArrayAsync("/c/f.bin", Cancel);

        Assert.Equal(10_000, Backend(app).Cache.ContentBytes);
    }

    [Fact]
    public async Task Held_object_is_served_with_the_body_and_headers_of_a_read_from_its_file()
    {
        await using var app = await StorageTestApp.StartAsync(kestrel: true);
        await UploadAsync(app, "f.txt", Bytes(10_000));
        using var fromFile = await app.GetAsync("/c/f.txt");
        var fileBody = await fromFile.Content.ReadAsByteArrayAsync(Cancel);
        Assert.Equal(10_000, Backend(app).Cache.ContentBytes);

        using var fromMemory = await app.GetAsync("/c/f.txt");

        Assert.Equal(fileBody, await fromMemory.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal(Headers(fromFile), Headers(fromMemory));
    }

    [Fact]
    public async Task Range_of_a_held_object_is_served_from_its_bytes()
    {
        await using var app = await StorageTestApp.StartAsync(kestrel: true);
        var content = Bytes(10_000);
        await UploadAsync(app, "f.bin", content);
        await app.Client.GetByteArrayAsync("/c/f.bin", Cancel);

        using var response = await app.GetAsync("/c/f.bin", h => h.Range = new RangeHeaderValue(9_000, null));

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("bytes 9000-9999/10000", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal(content[9_000..], await response.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task Head_of_a_held_object_has_the_headers_of_its_get_and_no_body()
    {
        await using var app = await StorageTestApp.StartAsync(kestrel: true);
        await UploadAsync(app, "f.bin", Bytes(10_000));
        using var get = await app.GetAsync("/c/f.bin");

        using var head = await app.GetAsync("/c/f.bin", method: HttpMethod.Head);

        Assert.Equal(Headers(get), Headers(head));
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task Upload_replacing_a_held_object_is_served_new_at_once()
    {
        await using var app = await StorageTestApp.StartAsync();
        await UploadAsync(app, "f.bin", Bytes(10_000));
        await app.Client.GetByteArrayAsync("/c/f.bin", Cancel);
        var newer = Bytes(12_345);

        await UploadAsync(app, "f.bin", newer);

        Assert.Equal(newer, await app.Client.GetByteArrayAsync("/c/f.bin", Cancel));
    }

    [Fact]
    public async Task Held_bytes_stay_within_the_budget()
    {
        var options = new StorageOptions { ContentCacheBytes = 10_000 };
        await using var app = await StorageTestApp.StartAsync(options: options);
        var files = Enumerable.Range(0, 4).Select(i => Bytes(4_000 + i)).ToArray();
        for (var i = 0; i < files.Length; i++)
        {
            await UploadAsync(app, $"f{i}.bin", files[i]);
        }

        for (var i = 0; i < files.Length; i++)
        {
            Assert.Equal(files[i], await app.Client.GetByteArrayAsync($"/c/f{i}.bin", Cancel));
        }

        Assert.Equal(4_000 + 4_001, Backend(app).Cache.ContentBytes);
    }

    [Fact]
    public async Task Object_larger_than_a_single_write_is_not_held()
    {
        await using var app = await StorageTestApp.StartAsync();
        var content = Bytes(new StorageTransportOptions().SingleWriteBytes + 1);
        await UploadAsync(app, "f.bin", content);

        Assert.Equal(content, await app.Client.GetByteArrayAsync("/c/f.bin", Cancel));

        Assert.Equal(0, Backend(app).Cache.ContentBytes);
    }

    [Fact]
    public async Task Replaced_object_gives_its_held_bytes_back_to_the_budget()
    {
        await using var app = await StorageTestApp.StartAsync();
        await UploadAsync(app, "f.bin", Bytes(10_000));
        await app.Client.GetByteArrayAsync("/c/f.bin", Cancel);

        await UploadAsync(app, "f.bin", Bytes(20_000));

        Assert.Equal(0, Backend(app).Cache.ContentBytes);
    }

    [Fact]
    public async Task Zero_budget_holds_nothing()
    {
        await using var app = await StorageTestApp.StartAsync(options: new StorageOptions { ContentCacheBytes = 0 });
        var content = Bytes(10_000);
        await UploadAsync(app, "f.bin", content);

        Assert.Equal(content, await app.Client.GetByteArrayAsync("/c/f.bin", Cancel));

        Assert.Equal(0, Backend(app).Cache.ContentBytes);
    }

    private static async Task UploadAsync(StorageTestApp app, string name, byte[] content)
    {
        using var response = await app.UploadAsync("c", app.Token(), (name, content));
        response.EnsureSuccessStatusCode();
    }

    private static LocalBackend Backend(StorageTestApp app) => (LocalBackend)app.App.Services.GetRequiredService<IStorageBackend>();

    private static string Headers(HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {response.Headers.ETag} {response.Content.Headers.LastModified:R} {response.Content.Headers.ContentType} "
        + $"{response.Content.Headers.ContentLength} {response.Content.Headers.ContentDisposition} {response.Headers.AcceptRanges}";

    private static byte[] Bytes(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        return bytes;
    }
}
