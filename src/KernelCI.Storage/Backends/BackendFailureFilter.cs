using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KernelCI.Storage.Backends;

/// <summary>Azure unreachable or failing is the backend's fault, not ours and not the client's: 502, not 500.</summary>
internal sealed class BackendFailureFilter(StorageMetrics metrics, ILogger<BackendFailureFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is AzureStorageException or HttpRequestException && !context.HttpContext.Response.HasStarted)
        {
            StorageLog.BackendFailed(logger, e, context.HttpContext.Request.Path);
            metrics.Errors.Increment("kind", "backend");
            return TypedResults.Text("storage backend error: " + e.Message, statusCode: StatusCodes.Status502BadGateway);
        }
    }
}
