using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Api;

/// <summary>Reads a request body whole, but never more than the endpoint's limit nor for longer than its time, so that
/// a 200 MB body is refused at the limit instead of parsed, and a trickling one gets 408 instead of holding a request. Kestrel's own refusals (a chunked body over the size set
/// here: 413, or one arriving below its minimum rate: 408) are a BadHttpRequestException, which <see cref="ApiErrors"/>
/// maps.</summary>
internal static class ApiBody
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, ApiBodyLimit limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit.MaxBytes)
        {
            throw TooLarge(limit);
        }

        // Kestrel enforces it too, for chunked bodies, before buffering anything.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit.MaxBytes;
        }

        var time = request.HttpContext.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        using var deadline = new CancellationTokenSource(limit.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16384];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, linked.Token)) > 0)
            {
                if (buffer.Length + read > limit.MaxBytes)
                {
                    throw TooLarge(limit);
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ApiException(StatusCodes.Status408RequestTimeout, $"body: not received within {limit.Timeout.TotalSeconds:0.#} s");
        }
    }

    private static ApiException TooLarge(ApiBodyLimit limit) =>
        new(StatusCodes.Status413PayloadTooLarge, $"body: larger than the limit of {limit.MaxBytes} bytes");
}
