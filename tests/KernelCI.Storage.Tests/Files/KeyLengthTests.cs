using System.Net;
using System.Text;

namespace KernelCI.Storage.Tests.Files;

/// <summary>Names longer than a file system or Azure takes are the client's mistake: 400 naming them, on every
/// endpoint and both backends, never the 500 of a failed rename or Azure's refusal.</summary>
public sealed class KeyLengthTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task File_name_over_255_bytes_returns_400_naming_it(string backend)
    {
        await using var app = await StorageTestApp.StartAsync(backend);
        var name = new string('n', 256) + ".txt";

        using var response = await app.UploadAsync("p", app.Token(), (name, "x"u8.ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(name[..200], await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task File_name_of_255_bytes_is_stored(string backend)
    {
        await using var app = await StorageTestApp.StartAsync(backend);
        var name = string.Concat(Enumerable.Repeat("é", 127)) + "x";

        using var response = await app.UploadAsync("p", app.Token(), (name, "x"u8.ToArray()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("x", await (await app.GetAsync("/p/" + Uri.EscapeDataString(name))).Content.ReadAsStringAsync(Cancel));
    }

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task Path_over_1024_bytes_returns_400(string backend)
    {
        await using var app = await StorageTestApp.StartAsync(backend);
        var path = string.Join('/', Enumerable.Repeat(new string('d', 200), 6));

        using var response = await app.UploadAsync(path, app.Token(), ("f.txt", "x"u8.ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 1024", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task Archive_entry_too_long_under_its_prefix_rejects_the_archive(string backend)
    {
        await using var app = await StorageTestApp.StartAsync(backend);
        var prefix = string.Join('/', Enumerable.Repeat(new string('d', 200), 3));
        var entry = string.Join('/', Enumerable.Repeat(new string('e', 200), 3));

        using var response = await ArchiveTests.PostArchiveAsync(app, prefix, "a.tar", TarBuilder.Tar((entry, "x"), ("ok.txt", "y")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 1024", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync("/" + prefix + "/ok.txt")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task Download_and_listing_of_an_overlong_name_return_400(string backend)
    {
        await using var app = await StorageTestApp.StartAsync(backend);
        var name = new string('n', 300);

        Assert.Equal(HttpStatusCode.BadRequest, (await app.GetAsync("/p/" + name)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.GetAsync("/v1/list?prefix=" + name)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.GetAsync("/" + name + "/")).StatusCode);
        Assert.True(Encoding.UTF8.GetByteCount(await (await app.GetAsync("/p/" + name)).Content.ReadAsStringAsync(Cancel)) < 1024);
    }
}
