using System.Net;
using System.Text.Json;

namespace KernelCI.Storage.Tests.Files;

/// <summary>Keys an archive cannot store are the client's mistake: 4xx, not upstream's 500 (which its clients retry).</summary>
public sealed class ArchiveConflictTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Entry_that_is_both_a_file_and_a_folder_rejects_the_archive()
    {
        await using var app = await StorageTestApp.StartAsync();

        using var response = await ArchiveTests.PostArchiveAsync(app, "p", "a.tar", TarBuilder.Tar(("a", "1"), ("a/b", "2"), ("c", "3")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("a is both a file and a folder", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync("/p/c")).StatusCode);
    }

    [Fact]
    public async Task Entry_under_a_stored_file_is_a_409_partial_failure()
    {
        await using var app = await StorageTestApp.StartAsync();
        (await app.UploadAsync("p", app.Token(), ("a", "stored"u8.ToArray()))).Dispose();

        using var response = await ArchiveTests.PostArchiveAsync(app, "p", "a.tar", TarBuilder.Tar(("a/b", "2"), ("c", "3")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("partial_failure", reply.RootElement.GetProperty("status").GetString());
        Assert.Equal("stored", await (await app.GetAsync("/p/a")).Content.ReadAsStringAsync(Cancel));
        Assert.Equal("3", await (await app.GetAsync("/p/c")).Content.ReadAsStringAsync(Cancel));
    }
}
