using KernelCI.Kcidb.Queries;
using KernelCI.Kcidb.Spool;
using KernelCI.Kcidb.Submissions;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Kcidb;

/// <summary>
/// KCIDB's one mapping from an exception to a reply, on every route group of the component: on kcidb-restd-rs's routes
/// its `{"id":"0","status":"error","message"}` shape (<see cref="SubmissionErrors"/>), and a bad query parameter is a
/// ProblemDetails 400 (the query API has no upstream shape). Anything else is left to the listener's own handler.
/// An endpoint filter rather than an IExceptionHandler: the reply is then exactly the one a handler returning it
/// gives, without the no-cache headers the exception handler middleware adds.
/// </summary>
internal sealed class KcidbErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e)
        {
            if (ToResult(context.HttpContext, e) is not { } result)
            {
                throw;
            }

            return result;
        }
    }

    private static IResult? ToResult(HttpContext http, Exception exception) => exception switch
    {
        BadParameterException e => Problems.BadRequest(e.Message),
        SubmissionRejectedException e => SubmissionErrors.Refuse(http, e.StatusCode, e.Message),
        BadHttpRequestException e when IsSubmissionRoute(http) => SubmissionErrors.Refuse(http, e.StatusCode, e.Message),
        IOException e when IsSubmissionRoute(http) && !http.RequestAborted.IsCancellationRequested =>
            SubmissionErrors.Refuse(http, StatusCodes.Status500InternalServerError, "could not store the submission: " + e.Message, "system"),
        _ => null,
    };

    private static bool IsSubmissionRoute(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<SubmissionRoute>() is not null;
}
