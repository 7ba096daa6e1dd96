using KernelCI.ServiceDefaults.Buffers;

namespace KernelCI.Storage.Tests.Files;

public sealed class LargeBlockUploadTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Several_file_parts_over_kestrel_are_stored_whole()
    {
        await using var app = await StorageTestApp.StartAsync(kestrel: true);
        var big = new byte[3 * LargeBlockMemoryPool.BlockSize * 16 + 5];
        new Random(3).NextBytes(big);
        var small = "small"u8.ToArray();

        using var response = await app.UploadAsync("k", app.Token(), ("big.bin", big), ("small.txt", small));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(big, await app.Client.GetByteArrayAsync("/k/big.bin", Cancel));
        Assert.Equal(small, await app.Client.GetByteArrayAsync("/k/small.txt", Cancel));
    }
}
