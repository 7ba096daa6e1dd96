using System.Net;
using System.Text;

namespace KernelCI.Storage.Tests.Files;

public sealed class UploadTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task Every_file_part_is_stored(string backend)
    {
        await using var app = await StorageTestApp.StartAsync(backend);

        using var response = await app.UploadAsync("job-1/", app.Token(), ("log.txt", "log"u8.ToArray()), ("Image", "kernel"u8.ToArray()), ("dtb/x.dtb", "dtb"u8.ToArray()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("log", await (await app.GetAsync("/job-1/log.txt")).Content.ReadAsStringAsync(Cancel));
        Assert.Equal("kernel", await (await app.GetAsync("/job-1/Image")).Content.ReadAsStringAsync(Cancel));
        Assert.Equal("dtb", await (await app.GetAsync("/job-1/dtb/x.dtb")).Content.ReadAsStringAsync(Cancel));
    }

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task Overwrite_is_visible_at_once(string backend)
    {
        await using var app = await StorageTestApp.StartAsync(backend);
        (await app.UploadAsync("a", app.Token(), ("f.txt", "old"u8.ToArray()))).Dispose();

        (await app.UploadAsync("a", app.Token(), ("f.txt", "new version"u8.ToArray()))).Dispose();

        Assert.Equal("new version", await (await app.GetAsync("/a/f.txt")).Content.ReadAsStringAsync(Cancel));
    }

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task Large_file_is_stored_whole(string backend)
    {
        await using var app = await StorageTestApp.StartAsync(backend);
        var content = new byte[9 * 1024 * 1024 + 17];
        Random.Shared.NextBytes(content);

        using var response = await app.UploadAsync("big", app.Token(), ("Image", content));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(content, await (await app.GetAsync("/big/Image")).Content.ReadAsByteArrayAsync(Cancel));
    }

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task Content_type_comes_from_the_extension(string backend)
    {
        await using var app = await StorageTestApp.StartAsync(backend);
        (await app.UploadAsync("a", app.Token(), ("data.json", "{}"u8.ToArray()))).Dispose();

        using var response = await app.GetAsync("/a/data.json");

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task Content_type_upstream_header_overrides_the_extension(string backend)
    {
        await using var app = await StorageTestApp.StartAsync(backend);
        using var form = new MultipartFormDataContent { { new StringContent("a"), "path" }, { new ByteArrayContent("x"u8.ToArray()), "file0", "page.bin" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/file") { Content = form };
        StorageTestApp.Authorize(request, app.Token());
        request.Headers.TryAddWithoutValidation("Content-Type-Upstream", "text/html");
        (await app.Client.SendAsync(request, Cancel)).Dispose();

        using var response = await app.GetAsync("/a/page.bin");

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task File_part_before_path_is_stored_under_path()
    {
        await using var app = await StorageTestApp.StartAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file0", "f.txt" }, { new StringContent("late"), "path" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/file") { Content = form };
        StorageTestApp.Authorize(request, app.Token());

        using var response = await app.Client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/late/f.txt")).StatusCode);
    }

    [Fact]
    public async Task Upload_without_file_part_returns_400()
    {
        await using var app = await StorageTestApp.StartAsync();

        using var response = await app.UploadAsync("a", app.Token());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("No file0 field in upload", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Upload_that_is_not_multipart_returns_400()
    {
        await using var app = await StorageTestApp.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/file") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        StorageTestApp.Authorize(request, app.Token());

        using var response = await app.Client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task File_over_the_size_limit_returns_413_and_is_not_stored()
    {
        await using var app = await StorageTestApp.StartAsync(options: new StorageOptions { MaxFileBytes = 1000 });

        using var response = await app.UploadAsync("a", app.Token(), ("f.bin", new byte[1001]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync("/a/f.bin")).StatusCode);
    }

    [Fact]
    public async Task Key_below_a_stored_file_returns_409()
    {
        await using var app = await StorageTestApp.StartAsync();
        (await app.UploadAsync("a", app.Token(), ("f", "x"u8.ToArray()))).Dispose();

        using var response = await app.UploadAsync("a/f", app.Token(), ("g", "y"u8.ToArray()));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Truncated_multipart_body_returns_400()
    {
        await using var app = await StorageTestApp.StartAsync();
        var body = "--b\r\nContent-Disposition: form-data; name=\"path\"\r\n\r\nx\r\n--b\r\nContent-Disposition: form-data; name=\"file0\"; filename=\"f\"\r\n\r\nsome bytes but no closing boundary";
        using var content = new StringContent(body);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/upload") { Content = content };
        StorageTestApp.Authorize(request, app.Token());

        using var response = await app.Client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync("/x/f")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task Kernelci_core_upload_with_bare_token_stores_every_file(string backend)
    {
        await using var app = await StorageTestApp.StartAsync(backend);

        using var response = await app.UploadAsync("kbuild-gcc-12-x86-abc", app.Token(), null, ("build.log", "b"u8.ToArray()), ("bzImage", "k"u8.ToArray()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("k", await (await app.GetAsync("/kbuild-gcc-12-x86-abc/bzImage")).Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Content_type_upstream_that_is_not_a_media_type_returns_400()
    {
        await using var app = await StorageTestApp.StartAsync();
        using var form = new MultipartFormDataContent { { new StringContent("a"), "path" }, { new ByteArrayContent("x"u8.ToArray()), "file0", "f.bin" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/file") { Content = form };
        StorageTestApp.Authorize(request, app.Token());
        request.Headers.TryAddWithoutValidation("Content-Type-Upstream", "not a type");

        using var response = await app.Client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
