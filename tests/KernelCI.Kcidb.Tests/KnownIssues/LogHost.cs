using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Kcidb.Tests.KnownIssues;

/// <summary>A real HTTP server on a loopback port serving logs, counting the requests for each path; `.gz` paths are
/// served gzipped, as storage keeps logs.</summary>
internal sealed class LogHost : IAsyncDisposable
{
    public const string BuildLog = """
        12:00:01   CC      drivers/misc/known_demo.o
        drivers/misc/known_demo.c:5:21: error: 'known_undeclared' undeclared (first use in this function)
        make[2]: *** [scripts/Makefile.build:250: drivers/misc/known_demo.o] Error 1
        """;

    public const string BootLog = """
        [    0.000000] Linux version 6.1.0 (ci@builder) (gcc 12) #1 SMP
        [    1.234567] VFS: Cannot open root device "vda" or unknown-block(0,0): error -6
        [    1.234600] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)
        [    1.234700] CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.1.0 #1
        """;

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _requests;

    private LogHost(WebApplication app, ConcurrentDictionary<string, int> requests)
    {
        _app = app;
        _requests = requests;
        Base = new Uri(app.Urls.First() + "/");
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri Base { get; }

    /// <summary>The same server by the name <c>localhost</c>, a different host to an allowlist.</summary>
    public Uri Localhost => new($"http://localhost:{Base.Port}/");

    public static async Task<LogHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var requests = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        app.MapGet("/{**path}", (string path) =>
        {
            requests.AddOrUpdate(path, 1, (_, n) => n + 1);
            var text = Encoding.UTF8.GetBytes(path.Contains("build", StringComparison.Ordinal) ? BuildLog : BootLog);
            return path.EndsWith(".gz", StringComparison.Ordinal) ? Results.Bytes(Gzip(text), "application/gzip") : Results.Bytes(text, "text/plain");
        });
        await app.StartAsync();
        return new LogHost(app, requests);
    }

    public int Requests(string path) => _requests.TryGetValue(path, out var n) ? n : 0;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
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
