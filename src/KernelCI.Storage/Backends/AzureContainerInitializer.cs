using Microsoft.Extensions.Hosting;

namespace KernelCI.Storage.Backends;

/// <summary>Creates the container if missing before the listener opens; an unreachable account stops the start.</summary>
internal sealed class AzureContainerInitializer(IStorageBackend backend) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        backend is AzureBlobBackend azure ? azure.EnsureContainerAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
