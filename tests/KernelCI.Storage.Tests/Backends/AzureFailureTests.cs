using KernelCI.Storage.Backends;

namespace KernelCI.Storage.Tests.Backends;

public sealed class AzureFailureTests
{
    [Fact]
    public async Task Unreachable_account_is_a_backend_failure()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var backend = new AzureBlobBackend(StorageTestApp.Azurite() with { Endpoint = $"http://127.0.0.1:{port}/devstoreaccount1" });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => backend.GetAsync("k", TestContext.Current.CancellationToken));

        Assert.True(StorageErrors.IsBackendFailure(error), error.GetType().FullName);
    }
}
