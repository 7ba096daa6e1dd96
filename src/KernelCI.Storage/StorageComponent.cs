using KernelCI.Data;
using KernelCI.ServiceDefaults;
using KernelCI.Storage.Auth;
using KernelCI.ServiceDefaults.Buffers;
using KernelCI.Storage.Backends;
using KernelCI.Storage.Files;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KernelCI.Storage;

/// <summary>kernelci-storage: artifact uploads and public downloads, on the local disk or Azure Blob Storage.</summary>
public sealed class StorageComponent(StorageOptions? options = null) : IComponent, IServiceCredentialIssuer
{
    public string Name => "storage";

    public int PortOffset => 4;

    public IReadOnlyList<string> Secrets => [StorageAuthenticator.SecretName];

    public IReadOnlyList<Migration> Migrations => [];

    public void ConfigureServices(WebApplicationBuilder builder, HostContext context)
    {
        var storageOptions = builder.AddComponentOptions("Storage", options, new StorageOptionsValidator());
        // A download chunk then fits in Kestrel's output buffer, so its flush returns at once instead of waking the
        // handler again when the socket drains (Kestrel's default is 64 KiB).
        var transport = storageOptions.Transport;
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxResponseBufferSize = 2 * LocalBackend.ReadChunk;
            k.AddServerHeader = transport.ServerHeader;
        });
        builder.WebHost.UseSockets(s =>
        {
            s.UnsafePreferInlineScheduling = transport.InlineScheduling;
            s.WaitForDataBeforeAllocatingBuffer = transport.WaitForDataBeforeAllocatingBuffer;
            if (transport.IOQueueCount > 0)
            {
                s.IOQueueCount = transport.IOQueueCount;
            }
        });
        builder.Services.AddSingleton<IMemoryPoolFactory<byte>, LargeBlockMemoryPoolFactory>();
        var root = context.ComponentDirectory("storage");
        var backend = CreateBackend(storageOptions, root, context.TimeProvider);
        builder.Services.AddSingleton(backend);
        if (backend is LocalBackend)
        {
            builder.Services.AddSingleton<IStartupFilter, DownloadFastPathFilter>();
        }

        // With this logger on, the host opens a log scope and an Activity for every request, which no sink here
        // reads (its messages are below the Warning floor anyway). Kestrel and the exception handler still log failures.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Services.AddSingleton(new UploadSpool(Path.Combine(root, "spool")));
        builder.Services.AddStorageAuthentication(context, storageOptions);
        builder.Services.AddSingleton<StorageErrors>();
        builder.Services.AddSingleton<UploadPermissions>();
        builder.Services.AddSingleton<KeyLocks>();
        builder.Services.AddSingleton<StorageMetrics>();
        builder.Services.AddSingleton<UploadWriter>();
        builder.Services.AddSingleton<ArchiveUnpacker>();
        builder.Services.AddHostedService<AzureContainerInitializer>();
    }

    public void MapEndpoints(WebApplication app)
    {
        // Resolved now so that /metrics shows every series before the first upload.
        app.Services.GetRequiredService<StorageMetrics>();
        var storage = app.MapGroup("").AddEndpointFilter<StorageErrorFilter>();
        var uploads = storage.MapGroup("").RequireAuthorization(StorageAuthentication.Policy);
        uploads.MapUploads();
        uploads.MapArchives();
        storage.MapListing();
        storage.MapDownloads();
    }

    /// <summary>A service account uploads as NAME@kernelci.local with a token that never expires, as upstream's.</summary>
    public Task<string> IssueServiceCredentialAsync(ServiceAccount account, HostContext context, CancellationToken cancellationToken) =>
        Task.FromResult(StorageAuthenticator.IssueToken(context.Secrets.Get(StorageAuthenticator.SecretName), $"{account.Name}@kernelci.local", expires: null));

    private static IStorageBackend CreateBackend(StorageOptions options, string root, TimeProvider time) =>
        options.Backend == "local" ? new LocalBackend(root, time, options.Transport.SingleWriteBytes, options.ContentCacheBytes) : new AzureBlobBackend(options.Azure);
}
