using System.Net;

namespace KernelCI.Storage.Tests.Files;

public sealed class PathTraversalTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("../etc")]
    [InlineData("a/../../etc")]
    [InlineData("//etc")]
    [InlineData("a\\..\\b")]
    [InlineData("a\\b")]
    [InlineData("a\0b")]
    [InlineData("%2e%2e/etc")]
    [InlineData("%252e%252e/etc")]
    [InlineData("C:/windows")]
    [InlineData("a/./b")]
    [InlineData("a//b")]
    public async Task Upload_path_field_with_traversal_returns_400(string path)
    {
        await using var app = await StorageTestApp.StartAsync();

        using var response = await app.UploadAsync(path, app.Token(), ("f.txt", "x"u8.ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "storage", "files"), "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../f.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("..\\f.txt")]
    [InlineData("%2E%2E/f.txt")]
    public async Task Upload_filename_with_traversal_returns_400(string fileName)
    {
        await using var app = await StorageTestApp.StartAsync();

        using var response = await app.UploadAsync("dir", app.Token(), (fileName, "x"u8.ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/../secrets.json")]
    [InlineData("/a/../../secrets.json")]
    [InlineData("/%2e%2e/secrets.json")]
    [InlineData("/%2E%2E%2Fsecrets.json")]
    [InlineData("/%252e%252e/secrets.json")]
    [InlineData("/a%5c..%5csecrets.json")]
    [InlineData("/a%00b")]
    [InlineData("//etc/passwd")]
    public async Task Download_path_with_traversal_returns_400(string path)
    {
        await using var app = await StorageTestApp.StartAsync(kestrel: true);
        await File.WriteAllTextAsync(Path.Combine(app.DataDirectory, "storage", "files", "secrets.json"), "x", Cancel);

        var status = await app.RawGetStatusAsync(path);

        Assert.Equal(400, status);
    }

    [Fact]
    public async Task Archive_prefix_with_traversal_returns_400()
    {
        await using var app = await StorageTestApp.StartAsync();

        using var response = await ArchiveTests.PostArchiveAsync(app, "../up", "a.tar", TarBuilder.Tar(("f.txt", "x")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
