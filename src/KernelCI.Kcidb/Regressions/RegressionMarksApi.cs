using KernelCI.Kcidb.KnownIssues;
using KernelCI.Kcidb.Spool;
using KernelCI.Kcidb.Submissions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace KernelCI.Kcidb.Regressions;

/// <summary>`PUT /regressions/{id}/mark` marks a regression invalid, `DELETE` undoes it (docs/regressions.md, "Marking a
/// regression"): ours, on the KCIDB listener behind the submitter tokens of <see cref="KnownIssuesApi"/>; an admin token,
/// one of our origin or one of the regression's own origin may.</summary>
public static class RegressionMarksApi
{
    public static IEndpointRouteBuilder MapRegressionMarks(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/regressions").WithTags("Regressions").RequireAuthorization(SubmitterAuthentication.Policy)
            .WithMetadata(new SubmissionRoute(CountsErrors: false)).AddEndpointFilter<KcidbErrorFilter>();
        group.MapPut("/{id}/mark", Mark).DisableAntiforgery().WithSummary("Mark a regression invalid; recomputations keep it so");
        group.MapDelete("/{id}/mark", Unmark).WithSummary("Undo the mark: the regression's state is again what its results say");
        return endpoints;
    }

    internal static async Task<Ok<MarkReply>> Mark(string id, MarkRequest? request, SubmitterIdentity identity, RegressionMarks marks,
        KnownIssueManager manager, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (request?.State != RegressionMarks.Invalid)
        {
            throw new SubmissionRejectedException(StatusCodes.Status400BadRequest, "state: must be \"invalid\" (DELETE the mark to undo it)");
        }

        await FindAsync(id, identity, marks, manager, cancellationToken);
        await marks.MarkInvalidAsync(id, identity.Origin, cancellationToken);
        KnownIssueLog.Marked(loggers.CreateLogger(typeof(RegressionMarksApi)), id, RegressionMarks.Invalid, identity.Origin);
        return TypedResults.Ok(new MarkReply(id, RegressionMarks.Invalid));
    }

    internal static async Task<Ok<MarkReply>> Unmark(string id, SubmitterIdentity identity, RegressionMarks marks, KnownIssueManager manager,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        await FindAsync(id, identity, marks, manager, cancellationToken);
        await marks.UnmarkAsync(id, cancellationToken);
        var (_, state) = await marks.FindAsync(id, cancellationToken) ?? ("", "gone");
        KnownIssueLog.Marked(loggers.CreateLogger(typeof(RegressionMarksApi)), id, state, identity.Origin);
        return TypedResults.Ok(new MarkReply(id, state));
    }

    private static async Task<(string Origin, string State)> FindAsync(string id, SubmitterIdentity identity, RegressionMarks marks,
        KnownIssueManager manager, CancellationToken cancellationToken)
    {
        var found = await marks.FindAsync(id, cancellationToken)
            ?? throw new SubmissionRejectedException(StatusCodes.Status404NotFound, $"id: no regression {id}");
        manager.Authorize(identity, alsoAllowedOrigin: found.Origin);
        return found;
    }
}
