using Azure.Storage;
using Azure.Storage.Sas;
using KernelCI.Storage.Backends;

namespace KernelCI.Storage.Tests.Backends;

public sealed class AzureSasTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sas_token_instead_of_the_key_stores_and_reads()
    {
        var keyed = StorageTestApp.Azurite();
        using var owner = new AzureBlobBackend(keyed);
        await owner.EnsureContainerAsync(Cancel);
        try
        {
            var sas = new BlobSasBuilder(BlobContainerSasPermissions.All, DateTimeOffset.UtcNow.AddHours(1)) { BlobContainerName = keyed.Container }
                .ToSasQueryParameters(new StorageSharedKeyCredential(keyed.Account, keyed.Key)).ToString();
            using var backend = new AzureBlobBackend(keyed with { Key = "", SasToken = "?" + sas });

            await backend.PutAsync("s/f.txt", new GeneratedUploadBody(10), "text/plain", Cancel);

            var stored = await backend.GetAsync("s/f.txt", Cancel);
            Assert.Equal(10, stored!.Length);
            Assert.Equal("text/plain", stored.ContentType);
            Assert.Equal(["s/f.txt"], (await backend.ListAsync("s/", directories: false, null, 10, Cancel)).Items.Select(i => i.Name));
        }
        finally
        {
            await owner.DeleteContainerAsync(CancellationToken.None);
        }
    }
}
