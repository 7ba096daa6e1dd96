using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Kcidb.Logs;

internal static class LogFetcherServices
{
    /// <summary>The named client <see cref="LogFetcher"/> uses: redirects are followed by LogFetcher, hop by hop against
    /// the allowlist; gzip is undone by magic bytes, not headers.</summary>
    public static IServiceCollection AddLogFetcherClient(this IServiceCollection services)
    {
        services.AddHttpClient(LogFetcher.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
                UseCookies = false,
            });
        return services;
    }

    /// <summary>Our storage's addresses, which logs may always be read from: its listener in this deployment, and the
    /// address the pipeline gives its logs when configured apart (Pipeline:StorageUrl), since log URLs in KCIDB carry that one.</summary>
    public static void FindStorage(List<Uri> storage, KernelCI.ServiceDefaults.Deployment deployment)
    {
        storage.Clear();
        storage.Add(deployment.UrlOf("storage"));
        if (Uri.TryCreate(deployment.Configuration["Pipeline:StorageUrl"], UriKind.Absolute, out var configured))
        {
            storage.Add(configured);
        }
    }
}
