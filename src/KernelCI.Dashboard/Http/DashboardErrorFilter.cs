using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Http;

/// <summary>The dashboard's one mapping from an exception to a reply: upstream's `{"error": …}` body (dashboard.md §1.1)
/// with 400 for a bad parameter or an unreadable body. "Nothing found" is not an exception: handlers answer it
/// themselves (<see cref="Replies"/>). Anything else is left to the listener's own handler.</summary>
internal sealed class DashboardErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (BadParameterException e)
        {
            return Replies.BadRequest(e.Message);
        }
        catch (BadHttpRequestException e)
        {
            return Replies.BadRequest("body: " + e.Message);
        }
        catch (JsonException e)
        {
            return Replies.BadRequest("body: not valid JSON: " + e.Message);
        }
    }
}
