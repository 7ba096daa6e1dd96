using System.Net;
using KernelCI.Storage.Files;

namespace KernelCI.Storage.Tests.Files;

public sealed class ListingTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<StorageTestApp> WithFilesAsync(string backend)
    {
        var app = await StorageTestApp.StartAsync(backend);
        (await app.UploadAsync("a", app.Token(), ("1.txt", "1"u8.ToArray()), ("2.txt", "2"u8.ToArray()), ("sub/3.txt", "3"u8.ToArray()))).Dispose();
        (await app.UploadAsync("b", app.Token(), ("4.txt", "4"u8.ToArray()))).Dispose();
        return app;
    }

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task List_returns_names_under_the_prefix_in_order(string backend)
    {
        await using var app = await WithFilesAsync(backend);

        var text = await app.Client.GetStringAsync("/v1/list?prefix=a/", Cancel);

        Assert.Equal("a/1.txt\na/2.txt\na/sub/3.txt\n", text);
    }

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task List_pages_with_limit_and_marker(string backend)
    {
        await using var app = await WithFilesAsync(backend);

        using var first = await app.GetAsync("/v1/list?limit=3");
        var marker = first.Headers.GetValues(ListingApi.NextMarkerHeader).Single();
        using var second = await app.GetAsync("/v1/list?limit=3&marker=" + marker);

        Assert.Equal("a/1.txt\na/2.txt\na/sub/3.txt\n", await first.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("b/4.txt\n", await second.Content.ReadAsStringAsync(Cancel));
        Assert.False(second.Headers.Contains(ListingApi.NextMarkerHeader));
    }

    [Fact]
    public async Task List_with_traversal_prefix_returns_400()
    {
        await using var app = await StorageTestApp.StartAsync();

        using var response = await app.GetAsync("/v1/list?prefix=../");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task Folder_is_browsed_as_html(string backend)
    {
        await using var app = await WithFilesAsync(backend);

        using var response = await app.GetAsync("/a/");
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<a href=\"1.txt\">1.txt</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"sub/\">sub/</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("3.txt", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folder_without_slash_redirects_to_its_index()
    {
        await using var app = await WithFilesAsync("local");

        using var response = await app.GetAsync("/a/sub");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/a/sub/", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Root_for_a_browser_is_an_index()
    {
        await using var app = await WithFilesAsync("local");

        using var response = await app.GetAsync("/", h => h.Accept.ParseAdd("text/html"));

        Assert.Contains("<a href=\"a/\">a/</a>", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_for_a_program_is_upstreams_banner()
    {
        await using var app = await StorageTestApp.StartAsync();

        Assert.Equal("KernelCI Storage Server", await app.Client.GetStringAsync("/", Cancel));
    }

    [Fact]
    public async Task Robots_txt_disallows_everything()
    {
        await using var app = await StorageTestApp.StartAsync();

        Assert.Equal("User-agent: *\nDisallow: /\n", await app.Client.GetStringAsync("/robots.txt", Cancel));
    }

    [Fact]
    public async Task Metrics_count_uploads_and_downloads()
    {
        await using var app = await WithFilesAsync("local");
        (await app.GetAsync("/a/1.txt")).Dispose();

        var metrics = await app.Client.GetStringAsync("/metrics", Cancel);

        Assert.Contains("storage_uploads_total 4", metrics, StringComparison.Ordinal);
        Assert.Contains("storage_downloads_total{status=\"200\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("storage_free_space ", metrics, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task List_orders_keys_as_strings_not_as_folders(string backend)
    {
        await using var app = await StorageTestApp.StartAsync(backend);
        (await app.UploadAsync("x", app.Token(), ("a/b", "1"u8.ToArray()), ("a-c", "2"u8.ToArray()), ("a0", "3"u8.ToArray()))).Dispose();

        var text = await app.Client.GetStringAsync("/v1/list?prefix=x/", Cancel);

        Assert.Equal("x/a-c\nx/a/b\nx/a0\n", text);
    }
}
