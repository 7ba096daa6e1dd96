using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Tests.Tarball;

/// <summary>An HTTP proxy in front of storage that answers 503 to the first <see cref="FailUploads"/> uploads, as a
/// storage server restarting would, and forwards everything else.</summary>
internal sealed class FlakyStorageProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http = new();
    private int _failUploads;

    private FlakyStorageProxy(WebApplication app) => _app = app;

    public string? Target { get; set; }

    public string Url => _app.Urls.First() + "/";

    public int FailUploads
    {
        get => Volatile.Read(ref _failUploads);
        set => Volatile.Write(ref _failUploads, value);
    }

    public int RejectedUploads { get; private set; }

    public static async Task<FlakyStorageProxy> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new FlakyStorageProxy(app);
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        if (context.Request.Method == "POST" && context.Request.Path.StartsWithSegments("/v1/file") && Interlocked.Decrement(ref _failUploads) >= 0)
        {
            RejectedUploads++;
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method),
            Target!.TrimEnd('/') + context.Request.Path + context.Request.QueryString);
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            request.Content = new StreamContent(context.Request.Body);
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            if (name is "Host" or "Transfer-Encoding")
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (name != "Transfer-Encoding")
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }
}
