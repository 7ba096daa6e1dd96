using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Kcidb.Submissions;

/// <summary>The one way a refusal on kcidb-restd-rs's routes is answered, whether a token was refused
/// (<see cref="SubmitterTokenHandler"/>) or a request (<see cref="KcidbErrorFilter"/>): its `{"id":"0","status":"error",
/// "message"}` body, counted in `kcidb_errors_total` on /submit.</summary>
internal static class SubmissionErrors
{
    /// <param name="kind">`user` (the request was refused) or `system` (the server failed).</param>
    public static IResult Refuse(HttpContext http, int statusCode, string message, string kind = "user")
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<SubmissionRoute>() is { CountsErrors: true })
        {
            http.RequestServices.GetRequiredService<KcidbMetrics>().CountError(kind);
        }

        return TypedResults.Json(SubmissionReply.Error(message), statusCode: statusCode);
    }
}
