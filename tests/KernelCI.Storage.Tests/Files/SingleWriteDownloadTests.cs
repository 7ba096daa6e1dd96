using System.Net;

namespace KernelCI.Storage.Tests.Files;

/// <summary>Small downloads are left unflushed for the response's end (Storage:Transport:SingleWriteBytes); over a
/// real Kestrel listener they must still arrive whole, with their headers, on a connection that stays usable.</summary>
public sealed class SingleWriteDownloadTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(10_000)]
    [InlineData(64 * 1024)]
    [InlineData(64 * 1024 + 1)]
    public async Task Download_over_kestrel_arrives_whole_with_its_length_and_etag(int size)
    {
        await using var app = await StorageTestApp.StartAsync(kestrel: true);
        var content = Bytes(size);
        (await app.UploadAsync("s", app.Token(), ("f.bin", content))).EnsureSuccessStatusCode();

        using var response = await app.GetAsync("/s/f.bin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(size, response.Content.Headers.ContentLength);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Range_of_a_small_file_over_kestrel_is_served_from_one_buffer()
    {
        await using var app = await StorageTestApp.StartAsync(kestrel: true);
        var content = Bytes(10_000);
        (await app.UploadAsync("s", app.Token(), ("f.bin", content))).EnsureSuccessStatusCode();

        using var response = await app.GetAsync("/s/f.bin", h => h.Range = new System.Net.Http.Headers.RangeHeaderValue(100, 199));

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(content[100..200], await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Small_downloads_in_turn_on_one_kept_alive_connection_each_arrive_whole()
    {
        await using var app = await StorageTestApp.StartAsync(kestrel: true);
        var files = Enumerable.Range(0, 20).Select(i => Bytes(1000 + (i * 997))).ToArray();
        for (var i = 0; i < files.Length; i++)
        {
            (await app.UploadAsync("s", app.Token(), ($"f{i}.bin", files[i]))).EnsureSuccessStatusCode();
        }

        for (var i = 0; i < files.Length; i++)
        {
            Assert.Equal(files[i], await app.Client.GetByteArrayAsync($"/s/f{i}.bin"));
        }
    }

    [Fact]
    public async Task Small_downloads_are_flushed_chunk_by_chunk_when_single_writes_are_off()
    {
        var options = new StorageOptions { Transport = new StorageTransportOptions { SingleWriteBytes = 0 } };
        await using var app = await StorageTestApp.StartAsync(options: options, kestrel: true);
        var content = Bytes(10_000);
        (await app.UploadAsync("s", app.Token(), ("f.bin", content))).EnsureSuccessStatusCode();

        Assert.Equal(content, await app.Client.GetByteArrayAsync("/s/f.bin"));
    }

    [Fact]
    public async Task Server_header_is_left_out_when_configured_off()
    {
        var options = new StorageOptions { Transport = new StorageTransportOptions { ServerHeader = false } };
        await using var app = await StorageTestApp.StartAsync(options: options, kestrel: true);

        using var response = await app.GetAsync("/health");

        Assert.Empty(response.Headers.Server);
    }

    private static byte[] Bytes(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        return bytes;
    }
}
