namespace KernelCI.Storage.Tests.Client;

/// <summary>Passes requests on, but cuts the first response body after <paramref name="breakAfter"/> bytes.</summary>
internal sealed class BreakOnceHandler(HttpMessageHandler inner, int breakAfter) : DelegatingHandler(inner)
{
    private int _calls;

    public string? SecondRange { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = ++_calls;
        if (call == 2)
        {
            SecondRange = request.Headers.Range?.ToString();
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (call == 1)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var headers = response.Content.Headers.ToList();
            response.Content = new StreamContent(new BrokenStream(body[..breakAfter]));
            foreach (var (name, values) in headers)
            {
                response.Content.Headers.TryAddWithoutValidation(name, values);
            }
        }

        return response;
    }
}
