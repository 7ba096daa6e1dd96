using System.Net;
using KernelCI.Client.Maestro;
using KernelCI.Client.Storage;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Pipeline.Api;

/// <summary>The one mapping from a failure to the API's `{"message"}` reply. Bad input is a 4xx naming the field; a
/// refusal by Maestro or storage of what the developer sent is a 4xx with their reason; only their own failures (down,
/// 5xx, refusing the pipeline's credentials) are a 502. Anything else is a bug and left to the 500 handler.</summary>
internal static class ApiErrors
{
    /// <summary>The endpoint filter of the API's route group: a failure becomes its `{"message"}` reply.</summary>
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            return await next(context);
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            var (status, message) = Map(e, http) ?? throw new InvalidOperationException("unexpected failure of the pipeline API", e);
            return ApiReply.Message(message, status);
        }
    }

    private static (int Status, string Message)? Map(Exception exception, HttpContext http) => exception switch
    {
        ApiException e => (e.Status, e.Message),
        BadHttpRequestException e => (e.StatusCode, "body: " + e.Message),
        MaestroClientException { StatusCode: HttpStatusCode.NotFound } e => (404, "Maestro: " + e.Message),
        MaestroClientException e when IsRefusal(e.StatusCode) => (400, "Maestro refused the request: " + e.Message),
        MaestroClientException e => (502, $"Maestro failed ({(int)e.StatusCode}): {e.Message}"),
        StorageClientException e when IsRefusal(e.Status) => (400, "storage refused the patch: " + e.Message),
        StorageClientException e => (502, "storage failed: " + e.Message),
        HttpRequestException e => (502, "a pipeline component could not be reached: " + e.Message),
        OperationCanceledException when http.RequestAborted.IsCancellationRequested => (400, "request aborted by the client"),
        OperationCanceledException => (504, "a pipeline component did not answer in time"),
        _ => null,
    };

    // 401/403 mean Maestro or storage refused the pipeline's own credentials: not the developer's fault.
    private static bool IsRefusal(HttpStatusCode status) => (int)status is >= 400 and < 500 and not (401 or 403);
}
