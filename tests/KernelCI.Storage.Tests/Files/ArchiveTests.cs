using System.Formats.Tar;
using System.Net;
using System.Text.Json;

namespace KernelCI.Storage.Tests.Files;

public sealed class ArchiveTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    internal static async Task<HttpResponseMessage> PostArchiveAsync(StorageTestApp app, string path, string fileName, byte[] archive)
    {
        using var form = new MultipartFormDataContent { { new StringContent(path), "path" }, { new ByteArrayContent(archive), "archive", fileName } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/archive") { Content = form };
        StorageTestApp.Authorize(request, app.Token());
        return await app.Client.SendAsync(request, Cancel);
    }

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task Tar_gz_is_unpacked_under_path(string backend)
    {
        await using var app = await StorageTestApp.StartAsync(backend);
        var archive = TarBuilder.Gzip(TarBuilder.Tar(("a.txt", "one"), ("./dtbs/b.dtb", "two"), ("c/d/e.log", "three")));

        using var response = await PostArchiveAsync(app, "build-1", "artifacts.tar.gz", archive);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("ok", reply.RootElement.GetProperty("status").GetString());
        Assert.Equal(3, reply.RootElement.GetProperty("uploaded").GetInt32());
        Assert.Equal("two", await (await app.GetAsync("/build-1/dtbs/b.dtb")).Content.ReadAsStringAsync(Cancel));
        Assert.Equal("three", await (await app.GetAsync("/build-1/c/d/e.log")).Content.ReadAsStringAsync(Cancel));
    }

    [Theory]
    [InlineData("a.tar", "")]
    [InlineData("a.tgz", "gz")]
    [InlineData("a.tar.xz", "xz")]
    [InlineData("a.txz", "xz")]
    [InlineData("a.tar.zst", "zstd")]
    [InlineData("a.tzst", "zstd")]
    public async Task Every_supported_format_is_unpacked(string fileName, string compression)
    {
        await using var app = await StorageTestApp.StartAsync();
        var tar = TarBuilder.Tar(("f.txt", "content"));
        var archive = compression switch { "" => tar, "gz" => TarBuilder.Gzip(tar), _ => TarBuilder.WithTool(compression, tar) };

        using var response = await PostArchiveAsync(app, "p", fileName, archive);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("content", await (await app.GetAsync("/p/f.txt")).Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Symbolic_link_rejects_the_whole_archive()
    {
        await using var app = await StorageTestApp.StartAsync();
        var archive = TarBuilder.Build([
            new PaxTarEntry(TarEntryType.RegularFile, "ok.txt") { DataStream = new MemoryStream("x"u8.ToArray()) },
            new PaxTarEntry(TarEntryType.SymbolicLink, "link") { LinkName = "/etc/passwd" },
        ]);

        using var response = await PostArchiveAsync(app, "p", "a.tar", archive);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync("/p/ok.txt")).StatusCode);
    }

    [Fact]
    public async Task Hard_link_rejects_the_whole_archive()
    {
        await using var app = await StorageTestApp.StartAsync();
        var archive = TarBuilder.Build([new PaxTarEntry(TarEntryType.HardLink, "link") { LinkName = "other" }]);

        using var response = await PostArchiveAsync(app, "p", "a.tar", archive);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("../evil.dtb")]
    [InlineData("a/../../evil.dtb")]
    [InlineData("/etc/evil")]
    public async Task Entry_path_that_escapes_rejects_the_archive(string name)
    {
        await using var app = await StorageTestApp.StartAsync();

        using var response = await PostArchiveAsync(app, "p", "a.tar", TarBuilder.Tar(("good.txt", "x"), (name, "evil")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync("/p/good.txt")).StatusCode);
    }

    [Fact]
    public async Task Too_many_files_rejects_the_archive()
    {
        await using var app = await StorageTestApp.StartAsync(options: new StorageOptions { MaxArchiveFiles = 2 });

        using var response = await PostArchiveAsync(app, "p", "a.tar", TarBuilder.Tar(("1", "x"), ("2", "x"), ("3", "x")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("more than 2 files", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entry_over_the_entry_limit_rejects_the_archive()
    {
        await using var app = await StorageTestApp.StartAsync(options: new StorageOptions { MaxArchiveEntryBytes = 3 });

        using var response = await PostArchiveAsync(app, "p", "a.tar", TarBuilder.Tar(("big", "four")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Total_over_the_unpacked_limit_rejects_the_archive()
    {
        await using var app = await StorageTestApp.StartAsync(options: new StorageOptions { MaxArchiveBytes = 5 });

        using var response = await PostArchiveAsync(app, "p", "a.tar", TarBuilder.Tar(("a", "123"), ("b", "456")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Empty_archive_returns_400()
    {
        await using var app = await StorageTestApp.StartAsync();

        using var response = await PostArchiveAsync(app, "p", "a.tar", TarBuilder.Build([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Unsupported_suffix_returns_400()
    {
        await using var app = await StorageTestApp.StartAsync();

        using var response = await PostArchiveAsync(app, "p", "a.zip", [1, 2, 3]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Corrupt_archive_returns_400()
    {
        await using var app = await StorageTestApp.StartAsync();

        using var response = await PostArchiveAsync(app, "p", "a.tar.gz", "not gzip at all"u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Archive_without_token_returns_401()
    {
        await using var app = await StorageTestApp.StartAsync();
        using var form = new MultipartFormDataContent { { new StringContent("p"), "path" }, { new ByteArrayContent(TarBuilder.Tar(("a", "b"))), "archive", "a.tar" } };

        using var response = await app.Client.PostAsync("/v1/archive", form, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
