using Microsoft.AspNetCore.Http;

namespace KernelCI.Storage;

/// <summary>Turns what <see cref="StorageErrors"/> maps into kernelci-storage's plain-text reply, for every endpoint
/// of the group (`/v1/archive` shapes its JSON reply from the same mapping itself).</summary>
internal sealed class StorageErrorFilter(StorageErrors errors) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (!context.HttpContext.Response.HasStarted && errors.TryMap(e, context.HttpContext.Request.Path, out var error))
        {
            return TypedResults.Text(error.Message, statusCode: error.Status);
        }
    }
}
