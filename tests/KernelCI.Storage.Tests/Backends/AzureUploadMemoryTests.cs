using KernelCI.Storage.Backends;

namespace KernelCI.Storage.Tests.Backends;

/// <summary>The SDK sends a large upload block by block: what it allocates stays far below the upload's size (it is
/// alone in its collection, so no other test's allocations count).</summary>
[Collection(nameof(AzureUploadMemoryTests))]
public sealed class AzureUploadMemoryTests
{
    private const long UploadBytes = 96L * 1024 * 1024;

    [Fact]
    public async Task Large_upload_allocates_a_fraction_of_its_size()
    {
        using var backend = new AzureBlobBackend(StorageTestApp.Azurite());
        await backend.EnsureContainerAsync(TestContext.Current.CancellationToken);
        try
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);

            var stored = await backend.PutAsync("big/image", new GeneratedUploadBody(UploadBytes), ContentTypes.Default, TestContext.Current.CancellationToken);

            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            Assert.Equal(UploadBytes, stored);
            Assert.Equal(UploadBytes, (await backend.GetAsync("big/image", TestContext.Current.CancellationToken))!.Length);
            Assert.True(allocated < UploadBytes / 4, $"allocated {allocated} bytes for a {UploadBytes}-byte upload");
        }
        finally
        {
            await backend.DeleteContainerAsync(CancellationToken.None);
        }
    }
}
