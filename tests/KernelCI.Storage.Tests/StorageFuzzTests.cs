using KernelCI.Storage.Tests.Files;

namespace KernelCI.Storage.Tests;

/// <summary>Hundreds of malformed requests of every kind (multipart, paths, tokens, ranges, tars, methods) from a
/// fixed seed: none may get a 5xx, and files stored before them must come back unchanged.</summary>
public sealed class StorageFuzzTests
{
    private const int Seed = 20_261_206;
    private const int Requests = 400;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task Malformed_requests_never_get_a_5xx_and_stored_files_stay_intact(string backend)
    {
        // Given files stored by upload and by archive
        await using var app = await StorageTestApp.StartAsync(backend, kestrel: true);
        var random = new Random(Seed);
        var big = new byte[300_000];
        random.NextBytes(big);
        (await app.UploadAsync("keep", app.Token(), ("a.txt", "first"u8.ToArray()), ("big.bin", big))).EnsureSuccessStatusCode();
        (await ArchiveTests.PostArchiveAsync(app, "keep", "k.tar.gz", TarBuilder.Gzip(TarBuilder.Tar(("sub/c.log", "archived"))))).EnsureSuccessStatusCode();

        // When hundreds of malformed requests arrive
        var fuzzer = new StorageFuzzer(app, random);
        var failures = new List<string>();
        var statuses = new HashSet<int>();
        for (var i = 0; i < Requests; i++)
        {
            var (what, status) = await fuzzer.NextAsync(i);
            statuses.Add(status);
            if (status is >= 500 or 0 or -1)
            {
                failures.Add($"{what}: {status}");
            }
        }

        // Then none was a server error, and the stored files are as they were
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        // and the requests reached every kind of answer, not only the token check
        Assert.All(new[] { 200, 206, 400, 401, 404, 416 }, status => Assert.Contains(status, statuses));
        Assert.Equal("first", await (await app.GetAsync("/keep/a.txt")).Content.ReadAsStringAsync(Cancel));
        Assert.Equal(big, await (await app.GetAsync("/keep/big.bin")).Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal("archived", await (await app.GetAsync("/keep/sub/c.log")).Content.ReadAsStringAsync(Cancel));
        Assert.Equal("keep/a.txt\nkeep/big.bin\nkeep/sub/c.log\n", await (await app.GetAsync("/v1/list?prefix=keep/")).Content.ReadAsStringAsync(Cancel));
    }
}
