using System.Net;
using System.Net.Http.Headers;

namespace KernelCI.Bench.Storage.Transfers;

internal static class BenchHttp
{
    public static HttpClient Create(int connections, string? token = null)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromHours(1),
        };
        var http = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(10) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }
}
