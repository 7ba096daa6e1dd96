using System.Net;
using System.Net.Http.Headers;

namespace KernelCI.Storage.Tests.Files;

public sealed class DownloadTests
{
    private static readonly byte[] Sixteen = "0123456789abcdef"u8.ToArray();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<StorageTestApp> WithFileAsync(string backend, byte[]? content = null)
    {
        var app = await StorageTestApp.StartAsync(backend);
        (await app.UploadAsync("d", app.Token(), ("f.bin", content ?? Sixteen))).Dispose();
        return app;
    }

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task Range_of_first_byte_returns_206(string backend)
    {
        await using var app = await WithFileAsync(backend);

        using var response = await app.GetAsync("/d/f.bin", h => h.Range = new RangeHeaderValue(0, 0));

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("bytes 0-0/16", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal("0"u8.ToArray(), await response.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task Suffix_range_returns_the_last_bytes(string backend)
    {
        var content = new byte[2000];
        Random.Shared.NextBytes(content);
        await using var app = await WithFileAsync(backend, content);

        using var response = await app.GetAsync("/d/f.bin", h => h.TryAddWithoutValidation("Range", "bytes=-500"));

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("bytes 1500-1999/2000", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal(content[1500..], await response.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task Middle_range_returns_those_bytes(string backend)
    {
        await using var app = await WithFileAsync(backend);

        using var response = await app.GetAsync("/d/f.bin", h => h.TryAddWithoutValidation("Range", "bytes=4-9"));

        Assert.Equal("bytes 4-9/16", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal("456789", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Range_past_the_end_is_clamped()
    {
        await using var app = await WithFileAsync("local");

        using var response = await app.GetAsync("/d/f.bin", h => h.TryAddWithoutValidation("Range", "bytes=10-999"));

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("bytes 10-15/16", response.Content.Headers.ContentRange?.ToString());
    }

    [Fact]
    public async Task Suffix_longer_than_the_file_returns_all_of_it_as_206()
    {
        await using var app = await WithFileAsync("local");

        using var response = await app.GetAsync("/d/f.bin", h => h.TryAddWithoutValidation("Range", "bytes=-100"));

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("bytes 0-15/16", response.Content.Headers.ContentRange?.ToString());
    }

    [Theory]
    [InlineData("bytes=100-")]
    [InlineData("bytes=16-20")]
    [InlineData("bytes=-0")]
    public async Task Unsatisfiable_range_returns_416_with_the_size(string range)
    {
        await using var app = await WithFileAsync("local");

        using var response = await app.GetAsync("/d/f.bin", h => h.TryAddWithoutValidation("Range", range));

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal("bytes */16", response.Content.Headers.ContentRange?.ToString());
    }

    [Theory]
    [InlineData("bytes=9-4")]
    [InlineData("bytes=a-b")]
    [InlineData("items=0-1")]
    [InlineData("bytes=0-1,4-5")]
    public async Task Range_that_cannot_be_served_as_one_part_returns_the_whole_file(string range)
    {
        await using var app = await WithFileAsync("local");

        using var response = await app.GetAsync("/d/f.bin", h => h.TryAddWithoutValidation("Range", range));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Sixteen, await response.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task Download_has_etag_and_last_modified(string backend)
    {
        await using var app = await WithFileAsync(backend);

        using var response = await app.GetAsync("/d/f.bin");

        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
        Assert.Equal("attachment; filename=\"f.bin\"", response.Content.Headers.ContentDisposition?.ToString());
    }

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task Matching_if_none_match_returns_304(string backend)
    {
        await using var app = await WithFileAsync(backend);
        var etag = (await app.GetAsync("/d/f.bin")).Headers.ETag!;

        using var response = await app.GetAsync("/d/f.bin", h => h.TryAddWithoutValidation("If-None-Match", $"\"other\", {etag.Tag}"));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task If_none_match_of_old_version_returns_the_new_one(string backend)
    {
        await using var app = await WithFileAsync(backend);
        var etag = (await app.GetAsync("/d/f.bin")).Headers.ETag!;
        (await app.UploadAsync("d", app.Token(), ("f.bin", "changed"u8.ToArray()))).Dispose();

        using var response = await app.GetAsync("/d/f.bin", h => h.IfNoneMatch.Add(etag));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("changed", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task If_modified_since_a_later_date_returns_304(string backend)
    {
        await using var app = await WithFileAsync(backend);

        using var response = await app.GetAsync("/d/f.bin", h => h.IfModifiedSince = DateTimeOffset.UtcNow.AddHours(1));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task If_modified_since_the_last_modified_date_returns_304()
    {
        await using var app = await WithFileAsync("local");
        var modified = (await app.GetAsync("/d/f.bin")).Content.Headers.LastModified!.Value;

        using var response = await app.GetAsync("/d/f.bin", h => h.IfModifiedSince = modified);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task If_modified_since_an_earlier_date_returns_200()
    {
        await using var app = await WithFileAsync("local");

        using var response = await app.GetAsync("/d/f.bin", h => h.IfModifiedSince = DateTimeOffset.UtcNow.AddDays(-1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task If_range_with_a_stale_etag_returns_the_whole_file()
    {
        await using var app = await WithFileAsync("local");

        using var response = await app.GetAsync("/d/f.bin", h =>
        {
            h.Range = new RangeHeaderValue(4, 5);
            h.IfRange = new RangeConditionHeaderValue("\"stale\"");
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(16, (await response.Content.ReadAsByteArrayAsync(Cancel)).Length);
    }

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task Head_returns_the_length_and_no_body(string backend)
    {
        await using var app = await WithFileAsync(backend);

        using var response = await app.GetAsync("/d/f.bin", method: HttpMethod.Head);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(16, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task Missing_object_returns_404(string backend)
    {
        await using var app = await StorageTestApp.StartAsync(backend);

        using var response = await app.GetAsync("/no/such/file");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not Found: no/such/file", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Non_ascii_name_gets_an_rfc_6266_disposition()
    {
        await using var app = await StorageTestApp.StartAsync();
        (await app.UploadAsync("d", app.Token(), ("résumé.txt", "x"u8.ToArray()))).Dispose();

        using var response = await app.GetAsync("/d/r%C3%A9sum%C3%A9.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("résumé.txt", response.Content.Headers.ContentDisposition?.FileNameStar);
    }
}
