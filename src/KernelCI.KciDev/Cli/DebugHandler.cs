namespace KernelCI.KciDev.Cli;

/// <summary>`--debug`: one line per request and its answer on standard error.</summary>
internal sealed class DebugHandler(TextWriter error) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await error.WriteLineAsync($"{request.Method} {request.RequestUri}");
        var response = await base.SendAsync(request, cancellationToken);
        await error.WriteLineAsync($"{(int)response.StatusCode} {request.Method} {request.RequestUri}");
        return response;
    }
}
