using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Web.Tests.Logs;

/// <summary>A log server on a loopback port, allowlisted as `127.0.0.1` (Dashboard:ProxyAllowedHosts), as the proxy's
/// own tests serve theirs (KernelCI.Dashboard.Tests/Proxy/LogServer.cs): a short kernel log with a warning and an oops,
/// the same gzipped, a multi-megabyte one (also served with byte ranges, plain and gzipped), and a missing one.</summary>
internal sealed class LogSource : IAsyncDisposable
{
    /// <summary>Line 3 and 6 are warnings, 4, 5 and 7 errors; the rest are plain.</summary>
    public static readonly string Kernel = string.Join('\n',
        "[    0.000000] Booting Linux on physical CPU 0x0",
        "[    0.000000] Linux version 6.99.0-rc2 (gcc 12.2.0)",
        "[    1.204000] WARNING: CPU: 0 PID: 1 at drivers/gpu/drm/drm_vblank.c:728",
        "[    1.204100] Call Trace:",
        "[    2.000000] BUG: kernel NULL pointer dereference, address: 0000000000000008",
        "drivers/gpu/drm/foo.c:12:5: warning: unused variable 'x' [-Wunused-variable]",
        "[    2.100000] Kernel panic - not syncing: Fatal exception",
        "[    2.200000] <tag> & \"quotes\" stay text",
        "");

    /// <summary>About 3 MB of 100-byte lines, numbered from 1.</summary>
    public static readonly byte[] Big = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(1, 30_000).Select(i => $"line {i:D7} {new string('x', 87)}\n")));

    private readonly WebApplication _app;

    private LogSource(WebApplication app, System.Collections.Concurrent.ConcurrentQueue<string> ranges)
    {
        _app = app;
        Ranges = ranges;
        Base = new Uri(app.Urls.First() + "/");
    }

    public Uri Base { get; }

    /// <summary>The Range headers of the requests for the ranged logs, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Ranges { get; }

    public string Url(string path) => new Uri(Base, path).ToString();

    public static async Task<LogSource> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var kernel = Encoding.UTF8.GetBytes(Kernel);
        var gzip = Gzip(kernel);
        app.MapGet("/kernel.log", () => Results.Bytes(kernel, "text/plain"));
        app.MapGet("/kernel.log.gz", () => Results.Bytes(gzip, "application/gzip"));
        app.MapGet("/big.log", () => Results.Bytes(Big, "text/plain"));
        var bigGzip = Gzip(Big);
        var ranges = new System.Collections.Concurrent.ConcurrentQueue<string>();
        app.MapGet("/ranged.log", (HttpRequest request) => Ranged(request, Big, ranges));
        app.MapGet("/ranged.log.gz", (HttpRequest request) => Ranged(request, bigGzip, ranges));
        app.MapGet("/missing.log", () => Results.NotFound());
        await app.StartAsync();
        return new LogSource(app, ranges);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static IResult Ranged(HttpRequest request, byte[] body, System.Collections.Concurrent.ConcurrentQueue<string> ranges)
    {
        ranges.Enqueue(request.Headers.Range.ToString());
        return Results.Bytes(body, "application/octet-stream", enableRangeProcessing: true);
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
