using KernelCI.Kcidb.Spool;
using KernelCI.Kcidb.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KernelCI.Kcidb.KnownIssues;

/// <summary>Creates, changes and deletes known issues: each change is a new KCIDB version of the issue, submitted as our
/// origin, and makes the matcher pending for the stored results, which the worker (where this process ingests) applies.</summary>
internal sealed class KnownIssueManager(KnownIssueStore store, OwnSubmission submission, KnownIssueSettings settings, TimeProvider time,
    ILogger<KnownIssueManager> logger, ResultTriageWorker? worker = null)
{
    /// <summary>Managing known issues and marking regressions: an admin token, or one of our own origin.</summary>
    public void Authorize(SubmitterIdentity identity, string? alsoAllowedOrigin = null)
    {
        if (!identity.Admin && identity.Origin != settings.Origin && identity.Origin != alsoAllowedOrigin)
        {
            throw new SubmissionRejectedException(StatusCodes.Status403Forbidden,
                $"only an admin token or one of origin {settings.Origin} may do this; this token is of origin {identity.Origin}");
        }
    }

    public async Task<KnownIssue> CreateAsync(KnownIssueRequest request, SubmitterIdentity identity, CancellationToken cancellationToken)
    {
        var id = KnownIssueObjects.IssueId(settings.Origin, MatcherRules.Name("name", request.Name));
        var issue = Build(request, previous: null, id, version: 1, identity.Origin);
        if (!await store.SaveAsync(issue, expectedVersion: null, cancellationToken))
        {
            throw new SubmissionRejectedException(StatusCodes.Status409Conflict, $"name: the known issue {id} exists already; change it with PUT");
        }

        return await PublishAsync(issue, cancellationToken);
    }

    public async Task<KnownIssue> UpdateAsync(string id, KnownIssueRequest request, SubmitterIdentity identity, CancellationToken cancellationToken)
    {
        if (request.Name is not null)
        {
            throw MatcherRules.Bad("name", "cannot be changed; the issue's id is made from it");
        }

        var previous = await GetAsync(id, cancellationToken);
        var issue = Build(request, previous, id, previous.Version + 1, identity.Origin);
        if (!await store.SaveAsync(issue, previous.Version, cancellationToken))
        {
            throw new SubmissionRejectedException(StatusCodes.Status409Conflict, $"id: {id} was changed meanwhile; read it again");
        }

        return await PublishAsync(issue, cancellationToken);
    }

    public async Task DeleteAsync(string id, SubmitterIdentity identity, CancellationToken cancellationToken)
    {
        if (!await store.DeleteAsync(id, cancellationToken))
        {
            throw NotFound(id);
        }

        KnownIssueLog.Deleted(logger, id, identity.Origin);
    }

    public async Task<KnownIssue> GetAsync(string id, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) ?? throw NotFound(id);

    private static SubmissionRejectedException NotFound(string id) => new(StatusCodes.Status404NotFound, $"id: no known issue {id}");

    private async Task<KnownIssue> PublishAsync(KnownIssue issue, CancellationToken cancellationToken)
    {
        await submission.SubmitAsync(settings.Origin, KnownIssueObjects.Document([KnownIssueObjects.Issue(issue, settings.Origin)], []), cancellationToken);
        KnownIssueLog.Saved(logger, issue.IssueId, issue.Version, issue.ChangedBy);
        worker?.Wake();
        return issue;
    }

    private KnownIssue Build(KnownIssueRequest request, KnownIssue? previous, string id, int version, string by)
    {
        var culprit = request.Culprit;
        var (code, tool, harness) = culprit is null
            ? (previous?.CulpritCode, previous?.CulpritTool, previous?.CulpritHarness)
            : (culprit.Code, culprit.Tool, culprit.Harness);
        if (code == false && tool == false && harness == false)
        {
            // KCIDB: an issue whose culprit flags are all false is invalid (docs/regressions.md, "Culprit").
            throw MatcherRules.Bad("culprit", "at least one of code, tool and harness must be true or absent");
        }

        var comment = MatcherRules.Text("comment", request.Comment, previous?.Comment, MatcherRules.MaxCommentLength, required: false);
        var kind = MatcherRules.Kind("kind", request.Kind, previous?.Kind);
        var builds = kind == KnownIssue.BuildKind;
        // A build matcher has no test path or platform, a test matcher no configuration, architecture or compiler: a field
        // of the other kind is refused rather than silently ignored.
        MatcherRules.NotFor(kind, builds ? [("test_path", request.TestPath), ("platform", request.Platform)]
            : [("config", request.Config), ("architecture", request.Architecture), ("compiler", request.Compiler)]);
        return new KnownIssue(
            id, version,
            MatcherRules.Text("report_subject", request.ReportSubject, previous?.ReportSubject, MatcherRules.MaxSubjectLength, required: true),
            comment.Length == 0 ? null : comment,
            code, tool, harness,
            builds ? "" : MatcherRules.Pattern("test_path", request.TestPath, previous?.TestPath),
            builds ? "" : MatcherRules.Pattern("platform", request.Platform, previous?.Platform ?? "*"),
            MatcherRules.Origin("origin", request.Origin is null ? previous?.Origin : request.Origin.Length == 0 ? null : request.Origin),
            MatcherRules.Regex("log_regex", request.LogRegex is null ? previous?.LogRegex : request.LogRegex.Length == 0 ? null : request.LogRegex),
            BackfillPending: true, by, time.GetUtcNow(), kind,
            builds ? MatcherRules.OptionalPattern("config", request.Config, previous?.Config) : null,
            builds ? MatcherRules.OptionalPattern("architecture", request.Architecture, previous?.Architecture) : null,
            builds ? MatcherRules.OptionalPattern("compiler", request.Compiler, previous?.Compiler) : null);
    }
}
