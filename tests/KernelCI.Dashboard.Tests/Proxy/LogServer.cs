using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Tests.Proxy;

/// <summary>A real HTTP server on a loopback port serving logs the ways log servers do: plain, gzipped (once or twice),
/// chunked, redirecting (inside and outside the allowlist), failing, slow and huge.</summary>
internal sealed class LogServer : IAsyncDisposable
{
    public static readonly byte[] Text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 2000).Select(i => $"line {i:D5}\n")));

    private readonly WebApplication _app;

    private LogServer(WebApplication app)
    {
        _app = app;
        Base = new Uri(app.Urls.First() + "/");
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri Base { get; }

    public int Port => Base.Port;

    public string Url(string path) => new Uri(Base, path).ToString();

    public static async Task<LogServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var gzip = Gzip(Text);
        app.MapGet("/plain.log", () => Results.Bytes(Text, "text/plain"));
        app.MapGet("/log.gz", () => Results.Bytes(gzip, "application/gzip"));
        app.MapGet("/twice.gz", () => Results.Bytes(Gzip(gzip), "application/gzip"));
        app.MapGet("/chunked.log", async (HttpContext http) =>
        {
            foreach (var chunk in Text.Chunk(5000))
            {
                await http.Response.Body.WriteAsync(chunk);
                await http.Response.Body.FlushAsync();
            }
        });
        app.MapGet("/bomb.gz", () => Results.Bytes(Gzip(new byte[4 * 1024 * 1024]), "application/gzip"));
        app.MapGet("/huge.log", () => Results.Bytes(new byte[4 * 1024 * 1024], "text/plain"));
        app.MapGet("/inside", () => Results.Redirect("/plain.log"));
        app.MapGet("/inside-twice", () => Results.Redirect("/inside"));
        app.MapGet("/loop", () => Results.Redirect("/loop"));
        app.MapGet("/outside", (HttpContext http) => Results.Redirect($"http://localhost:{http.Connection.LocalPort}/plain.log"));
        app.MapGet("/to-ftp", () => Results.Redirect("ftp://127.0.0.1/plain.log"));
        app.MapGet("/missing", () => Results.NotFound());
        app.MapGet("/broken", () => Results.StatusCode(500));
        app.MapGet("/slow", async (HttpContext http) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), http.RequestAborted);
            return Results.Bytes(Text, "text/plain");
        });
        app.MapGet("/corrupt.gz", () => Results.Bytes([0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], "application/gzip"));
        app.MapGet("/empty.log", () => Results.Bytes([], "text/plain"));
        await app.StartAsync();
        return new LogServer(app);
    }

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
