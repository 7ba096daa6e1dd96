using System.Net;
using KernelCI.Storage.Files;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Storage.Tests.Files;

public sealed class ConcurrencyTests
{
    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task Concurrent_uploads_of_one_key_give_one_200_and_one_409_and_a_whole_file(string backend)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var app = await StorageTestApp.StartAsync(backend);
        var first = Enumerable.Repeat((byte)'A', 300_000).ToArray();
        var rest = Enumerable.Repeat((byte)'a', 300_000).ToArray();
        var gated = new GatedContent(first, rest);
        using var form = new MultipartFormDataContent { { new StringContent("c"), "path" }, { gated, "file0", "f.bin" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/upload") { Content = form };
        StorageTestApp.Authorize(request, app.Token());

        // Given an upload of c/f.bin that is half sent
        var slow = app.Client.SendAsync(request, cancel);
        var locks = app.App.Services.GetRequiredService<KeyLocks>();
        while (!locks.IsHeld("c/f.bin"))
        {
            await Task.Delay(10, cancel);
        }

        // When a second upload of the same key arrives
        using var second = await app.UploadAsync("c", app.Token(), ("f.bin", "BBBB"u8.ToArray()));
        gated.Release();
        using var firstResponse = await slow;

        // Then the second is refused, the first lands whole
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        var stored = await (await app.GetAsync("/c/f.bin")).Content.ReadAsByteArrayAsync(cancel);
        Assert.Equal(first.Concat(rest), stored);
    }
}
