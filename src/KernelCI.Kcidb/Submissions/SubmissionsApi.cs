using KernelCI.Kcidb.Spool;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KernelCI.Kcidb.Submissions;

/// <summary>kcidb-restd-rs's REST contract: /submit, /status, /authtest.</summary>
public static class SubmissionsApi
{
    public static IEndpointRouteBuilder MapSubmissions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => TypedResults.Text(
            "KernelCI KCIDB: POST /submit (Bearer JWT), GET /status?id=, GET /authtest, GET /api/... queries; /openapi.json\n"));
        // No Accepts() here: routing would then refuse (415) bodies sent without a JSON content type, and upstream's
        // daemon takes any body that parses as JSON, whatever the client labels it.
        endpoints.MapPost("/submit", Submit).DisableAntiforgery()
            .WithSummary("Spool one KCIDB JSON document for ingestion");
        endpoints.MapGet("/status", Status).WithSummary("Where a submission is: inprogress, ready, processed, failed or notfound");
        endpoints.MapGet("/authtest", AuthTest).WithSummary("Check a submission token");
        return endpoints;
    }

    public static async Task<Results<Ok<SubmissionReply>, JsonHttpResult<SubmissionReply>>> Submit(
        HttpContext http, SubmissionAuthenticator authenticator, SubmissionSpool spool, KcidbOptions options,
        KcidbMetrics metrics, IngestionSignal signal, TimeProvider timeProvider)
    {
        var identity = authenticator.Authenticate(http.Request, out var authError);
        if (identity is null)
        {
            metrics.Errors.Increment("kind", "user");
            return Error(StatusCodes.Status401Unauthorized, authError);
        }

        if (http.Request.ContentLength > options.MaxSubmissionBytes)
        {
            metrics.Errors.Increment("kind", "user");
            return Error(StatusCodes.Status413PayloadTooLarge, $"the submission is larger than the limit of {options.MaxSubmissionBytes} bytes");
        }

        var limit = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false })
        {
            limit.MaxRequestBodySize = options.MaxSubmissionBytes + 1;
        }

        var id = SubmissionSpool.NewId();
        try
        {
            var meta = new SubmissionMeta(identity.Origin, identity.Admin, timeProvider.GetUtcNow().UtcTicks);
            var size = await spool.WriteAsync(id, http.Request.Body, meta, options.MaxSubmissionBytes, http.RequestAborted);
            metrics.Submissions.Increment();
            metrics.SubmissionBytes.Increment(size);
            metrics.ByOrigin.Increment("origin", identity.Origin);
            signal.Notify();
            return TypedResults.Ok(new SubmissionReply(id, "ok", $"Received submission {id} with size {size} bytes"));
        }
        catch (SubmissionRejectedException e)
        {
            metrics.Errors.Increment("kind", "user");
            return Error(e.StatusCode, e.Message);
        }
        catch (BadHttpRequestException e)
        {
            metrics.Errors.Increment("kind", "user");
            return Error(e.StatusCode, e.Message);
        }
        catch (IOException e) when (!http.RequestAborted.IsCancellationRequested)
        {
            metrics.Errors.Increment("kind", "system");
            return Error(StatusCodes.Status500InternalServerError, "could not store the submission: " + e.Message);
        }
    }

    public static Results<Ok<StatusReply>, NotFound<StatusReply>, JsonHttpResult<SubmissionReply>> Status(
        HttpContext http, string? id, SubmissionAuthenticator authenticator, SubmissionSpool spool)
    {
        if (authenticator.Authenticate(http.Request, out var authError) is null)
        {
            return Error(StatusCodes.Status401Unauthorized, authError);
        }

        if (!SubmissionSpool.IsValidId(id))
        {
            return Error(StatusCodes.Status400BadRequest, "id: a submission id (letters and digits) is required");
        }

        return spool.StatusOf(id!) switch
        {
            SubmissionStatus.InProgress => TypedResults.Ok(new StatusReply(id!, "inprogress")),
            SubmissionStatus.Ready => TypedResults.Ok(new StatusReply(id!, "ready")),
            SubmissionStatus.Processed => TypedResults.Ok(new StatusReply(id!, "processed")),
            SubmissionStatus.Failed => TypedResults.Ok(new StatusReply(id!, "failed", spool.FailureReasons(id!))),
            _ => TypedResults.NotFound(new StatusReply(id!, "notfound")),
        };
    }

    public static Results<Ok<StatusReply>, JsonHttpResult<SubmissionReply>> AuthTest(HttpContext http, SubmissionAuthenticator authenticator)
    {
        var identity = authenticator.Authenticate(http.Request, out var authError);
        return identity is null
            ? Error(StatusCodes.Status401Unauthorized, authError)
            : TypedResults.Ok(new StatusReply(identity.Origin, "ok"));
    }

    private static JsonHttpResult<SubmissionReply> Error(int statusCode, string message) =>
        TypedResults.Json(SubmissionReply.Error(message), statusCode: statusCode);
}
