using KernelCI.Data;
using KernelCI.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace KernelCI.Kcidb.Tests;

/// <summary>A deployment whose storage's logs are at <c>Pipeline:StorageUrl</c>, as the pipeline gives log URLs when its
/// storage is configured apart; for components that find our storage through <see cref="IPeerClient"/>.</summary>
internal static class StorageDeployment
{
    public static Deployment For(HostContext context, Uri storage) => new(context,
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Pipeline:StorageUrl"] = storage.ToString() }).Build(),
        [new StorageStub()], _ => true, "127.0.0.1", 1);

    private sealed class StorageStub : IComponent
    {
        public string Name => "storage";

        public int PortOffset => 2;

        public IReadOnlyList<string> Secrets => [];

        public IReadOnlyList<Migration> Migrations => [];

        public void ConfigureServices(WebApplicationBuilder builder, HostContext context)
        {
        }

        public void MapEndpoints(WebApplication app)
        {
        }
    }
}
