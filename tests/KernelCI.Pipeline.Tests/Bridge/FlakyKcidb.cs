using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Pipeline.Tests.Bridge;

/// <summary>A pass-through in front of the real KCIDB that answers 503 while <see cref="Down"/> is set, as a KCIDB
/// being restarted does.</summary>
internal sealed class FlakyKcidb : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _client = new();
    private int _refused;

    private FlakyKcidb(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public string Target { get; set; } = "";

    public bool Down { get; set; }

    /// <summary>Submissions containing this text are refused with 400, as KCIDB refuses an invalid document.</summary>
    public string? RejectContaining { get; set; }

    public int Refused => Volatile.Read(ref _refused);

    public static async Task<FlakyKcidb> StartAsync()
    {
        var port = KernelCI.Testing.FreePort.BasePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var flaky = new FlakyKcidb(app, $"http://127.0.0.1:{port}/");
        app.Run(flaky.ForwardAsync);
        await app.StartAsync();
        return flaky;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _client.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        if (Down)
        {
            Interlocked.Increment(ref _refused);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method),
            Target + context.Request.Path.Value!.TrimStart('/') + context.Request.QueryString);
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            if (RejectContaining is { } poison && System.Text.Encoding.UTF8.GetString(body.ToArray()).Contains(poison, StringComparison.Ordinal))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(new { id = "0", status = "error", message = "invalid document" }, context.RequestAborted);
                return;
            }

            request.Content = new ByteArrayContent(body.ToArray());
            request.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType);
        }

        request.Headers.TryAddWithoutValidation("Authorization", context.Request.Headers.Authorization.ToString());
        using var response = await _client.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
