using System.Net;
using KernelCI.Storage.Backends;

namespace KernelCI.Storage.Tests.Backends;

public sealed class WriteBehindTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_spanning_several_write_behind_windows_is_stored_whole()
    {
        await using var app = await StorageTestApp.StartAsync();
        var content = new byte[(2 * WriteBehind.Window) + 12345];
        new Random(4).NextBytes(content);

        using (var upload = await app.UploadAsync("d", app.Token(), ("big.bin", content)))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        Assert.Equal(content, await app.Client.GetByteArrayAsync("/d/big.bin", Cancel));
    }
}
