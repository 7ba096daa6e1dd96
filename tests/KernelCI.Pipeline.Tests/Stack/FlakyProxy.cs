using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Tests.Stack;

/// <summary>An HTTP proxy in front of a component (Maestro, storage, KCIDB) that answers with an error status the
/// requests <see cref="Refuse"/> picks, as a component that is restarting, overloaded or refusing a document would,
/// and forwards everything else.</summary>
internal sealed class FlakyProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(2) };
    private int _refused;

    private FlakyProxy(WebApplication app) => _app = app;

    /// <summary>The base URL requests are forwarded to.</summary>
    public string Target { get; set; } = "";

    public string Url => _app.Urls.First() + "/";

    /// <summary>Given a request, the status to answer instead of forwarding it, or null to forward it.</summary>
    public Func<FlakyRequest, int?> Refuse { get; set; } = _ => null;

    public int Refused => Volatile.Read(ref _refused);

    /// <summary>Given a forwarded request and the component's reply body, whether to lose that reply on the way back
    /// (the client gets 503 instead), as a connection that breaks after the component answered would.</summary>
    public Func<FlakyRequest, string, bool>? LoseReply { get; set; }

    public static async Task<FlakyProxy> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new FlakyProxy(app);
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        return proxy;
    }

    /// <summary>Puts a proxy in front of the component at <paramref name="target"/>; returns the proxy's URL, which keeps
    /// the target's path (e.g. /latest/).</summary>
    public string Front(string target)
    {
        var uri = new Uri(target);
        Target = uri.GetLeftPart(UriPartial.Authority) + "/";
        return Url.TrimEnd('/') + uri.AbsolutePath;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var incoming = new FlakyRequest(context.Request.Method, context.Request.Path.Value ?? "/", Encoding.UTF8.GetString(body.ToArray()));
        if (Refuse(incoming) is { } status)
        {
            Interlocked.Increment(ref _refused);
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new { id = "0", status = "error", message = "refused by the test proxy", detail = "refused by the test proxy" },
                context.RequestAborted);
            return;
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method),
            Target.TrimEnd('/') + context.Request.Path + context.Request.QueryString);
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            if (name is "Host" or "Transfer-Encoding" or "Content-Length")
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        if (LoseReply is { } lose && lose(incoming, await response.Content.ReadAsStringAsync(context.RequestAborted)))
        {
            Interlocked.Increment(ref _refused);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

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
}
