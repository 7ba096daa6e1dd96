using KernelCI.Kcidb.Spool;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KernelCI.Kcidb.Submissions;

/// <summary>kcidb-restd-rs's REST contract: /submit, /status, /authtest, each behind a submitter's token
/// (<see cref="SubmitterTokenHandler"/>); refusals are answered by <see cref="SubmissionErrors"/>.</summary>
public static class SubmissionsApi
{
    public static IEndpointRouteBuilder MapSubmissions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => TypedResults.Text(
            "KernelCI KCIDB: POST /submit (Bearer JWT), GET /status?id=, GET /authtest, GET /api/... queries; /openapi.json\n"));
        var submitters = endpoints.MapGroup("").RequireAuthorization(SubmitterAuthentication.Policy)
            .WithMetadata(new SubmissionRoute(CountsErrors: false)).AddEndpointFilter<KcidbErrorFilter>();
        // No Accepts() here: routing would then refuse (415) bodies sent without a JSON content type, and upstream's
        // daemon takes any body that parses as JSON, whatever the client labels it.
        submitters.MapPost("/submit", Submit).DisableAntiforgery().WithMetadata(new SubmissionRoute(CountsErrors: true))
            .WithSummary("Spool one KCIDB JSON document for ingestion");
        submitters.MapGet("/status", Status).WithSummary("Where a submission is: inprogress, ready, processed, failed or notfound");
        submitters.MapGet("/authtest", AuthTest).WithSummary("Check a submission token");
        return endpoints;
    }

    /// <exception cref="SubmissionRejectedException">Too large, or not JSON: answered by <see cref="KcidbErrorFilter"/>.</exception>
    public static async Task<Ok<SubmissionReply>> Submit(
        HttpContext http, SubmitterIdentity identity, SubmissionSpool spool, KcidbOptions options,
        KcidbMetrics metrics, IngestionSignal signal, TimeProvider timeProvider)
    {
        if (http.Request.ContentLength > options.MaxSubmissionBytes)
        {
            throw new SubmissionRejectedException(StatusCodes.Status413PayloadTooLarge, $"the submission is larger than the limit of {options.MaxSubmissionBytes} bytes");
        }

        var limit = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false })
        {
            limit.MaxRequestBodySize = options.MaxSubmissionBytes + 1;
        }

        var id = SubmissionSpool.NewId();
        var meta = new SubmissionMeta(identity.Origin, identity.Admin, timeProvider.GetUtcNow().UtcTicks);
        var size = await spool.WriteAsync(id, http.Request.Body, meta, options.MaxSubmissionBytes, http.RequestAborted);
        metrics.CountSubmission(identity.Origin, size);
        signal.Notify();
        return TypedResults.Ok(new SubmissionReply(id, "ok", $"Received submission {id} with size {size} bytes"));
    }

    public static Results<Ok<StatusReply>, NotFound<StatusReply>> Status(string? id, SubmissionSpool spool)
    {
        if (!SubmissionSpool.IsValidId(id))
        {
            throw new SubmissionRejectedException(StatusCodes.Status400BadRequest, "id: a submission id (letters and digits) is required");
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

    public static Ok<StatusReply> AuthTest(SubmitterIdentity identity) => TypedResults.Ok(new StatusReply(identity.Origin, "ok"));
}
