using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KernelCI.Notifications.Http;

/// <summary>The component's errors: ProblemDetails whose detail starts with the field at fault ("address: …").</summary>
internal static class ApiProblem
{
    public static ProblemHttpResult Of(int status, string field, string message) =>
        TypedResults.Problem(detail: $"{field}: {message}", statusCode: status, extensions: new Dictionary<string, object?> { ["field"] = field });

    public static ProblemHttpResult Bad(string field, string message) => Of(StatusCodes.Status400BadRequest, field, message);

    public static ProblemHttpResult Forbidden(string error) => TypedResults.Problem(detail: error, statusCode: StatusCodes.Status403Forbidden);
}
