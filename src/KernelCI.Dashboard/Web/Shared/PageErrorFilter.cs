using KernelCI.Dashboard.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Web.Shared;

/// <summary>The pages' one mapping from a refused parameter to a reply: the error page with 400 naming the parameter,
/// as DashboardErrorFilter does for the API with upstream's JSON. Unknown ids are not exceptions: handlers answer 404
/// pages themselves.</summary>
internal sealed class PageErrorFilter(ILogger<PageErrorFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (BadParameterException e)
        {
            WebLog.PageRefused(logger, context.HttpContext.Request.Path, e.Message);
            return PageResults.BadRequest(e.Message);
        }
    }
}
