using KernelCI.Kcidb.Spool;
using KernelCI.Kcidb.Submissions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KernelCI.Kcidb.KnownIssues;

/// <summary>`/known-issues`: ours, not kcidb-restd-rs's. Known issues with matchers (docs/regressions.md, "Known
/// issues"), on the KCIDB listener beside /submit and behind the same submitter tokens; reading needs any token,
/// changing needs an admin token or one of our origin. Refusals are kcidb-restd-rs's `{"id":"0","status":"error",
/// "message"}` with the field named.</summary>
public static class KnownIssuesApi
{
    public static IEndpointRouteBuilder MapKnownIssues(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/known-issues").WithTags("Known issues").RequireAuthorization(SubmitterAuthentication.Policy)
            .WithMetadata(new SubmissionRoute(CountsErrors: false)).AddEndpointFilter<KcidbErrorFilter>();
        group.MapGet("", List).WithSummary("The known issues and their matchers");
        group.MapGet("/{id}", Show).WithSummary("One known issue");
        group.MapPost("", Create).DisableAntiforgery().WithSummary("Create a known issue (KCIDB issue version 1) with its matcher");
        group.MapPut("/{id}", Update).DisableAntiforgery().WithSummary("Change a known issue: a new KCIDB version of the issue");
        group.MapDelete("/{id}", Delete).WithSummary("Delete the matcher: no new incidents; the issue and its incidents stay");
        return endpoints;
    }

    internal static async Task<Ok<KnownIssueList>> List(KnownIssueStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(new KnownIssueList((await store.ListAsync(cancellationToken)).Select(KnownIssueReply.From).ToList()));

    internal static async Task<Ok<KnownIssueReply>> Show(string id, KnownIssueManager manager, CancellationToken cancellationToken) =>
        TypedResults.Ok(KnownIssueReply.From(await manager.GetAsync(id, cancellationToken)));

    internal static async Task<Created<KnownIssueReply>> Create(HttpContext http, SubmitterIdentity identity, KnownIssueManager manager,
        CancellationToken cancellationToken)
    {
        manager.Authorize(identity);
        var issue = await manager.CreateAsync(await BodyAsync(http, cancellationToken), identity, cancellationToken);
        return TypedResults.Created($"/known-issues/{Uri.EscapeDataString(issue.IssueId)}", KnownIssueReply.From(issue));
    }

    internal static async Task<Ok<KnownIssueReply>> Update(string id, HttpContext http, SubmitterIdentity identity, KnownIssueManager manager,
        CancellationToken cancellationToken)
    {
        manager.Authorize(identity);
        var issue = await manager.UpdateAsync(id, await BodyAsync(http, cancellationToken), identity, cancellationToken);
        return TypedResults.Ok(KnownIssueReply.From(issue));
    }

    internal static async Task<NoContent> Delete(string id, SubmitterIdentity identity, KnownIssueManager manager, CancellationToken cancellationToken)
    {
        manager.Authorize(identity);
        await manager.DeleteAsync(id, identity, cancellationToken);
        return TypedResults.NoContent();
    }

    // Read by hand rather than bound, so that a body that is not the expected JSON gets this API's error shape.
    private static async Task<KnownIssueRequest> BodyAsync(HttpContext http, CancellationToken cancellationToken)
    {
        try
        {
            return await System.Text.Json.JsonSerializer.DeserializeAsync<KnownIssueRequest>(http.Request.Body, cancellationToken: cancellationToken)
                ?? throw new SubmissionRejectedException(StatusCodes.Status400BadRequest, "body: a JSON object is required");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new SubmissionRejectedException(StatusCodes.Status400BadRequest,
                $"body: not a known issue object{(e.Path is { Length: > 1 } path ? $" at {path[2..]}" : "")}: {e.Message}");
        }
    }
}
