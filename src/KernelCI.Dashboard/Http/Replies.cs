using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Http;

/// <summary>The dashboard's error bodies. Upstream's endpoints say "nothing found" with HTTP 200 and an `error` key, and
/// kci-dev pattern-matches those messages (kci-dev.md §3.1), so they keep doing so; endpoints of ours answer 404.</summary>
internal static class Replies
{
    public static IResult UpstreamNotFound(string message) => TypedResults.Json(new ErrorBody(message));

    public static IResult NotFound(string message) => TypedResults.Json(new ErrorBody(message), statusCode: StatusCodes.Status404NotFound);

    public static IResult BadRequest(string message) => TypedResults.Json(new ErrorBody(message), statusCode: StatusCodes.Status400BadRequest);
}
