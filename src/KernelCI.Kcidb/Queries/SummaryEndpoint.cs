using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KernelCI.Kcidb.Queries;

/// <summary>GET /api/checkouts/{id}/summary and /api/builds/{id}/summary.</summary>
internal static class SummaryEndpoint
{
    private const string NulInId = "id: an id cannot contain NUL";

    public static async Task<Results<Ok<CheckoutSummary>, ProblemHttpResult>> CheckoutAsync(
        string id, KcidbSummaryQuery summaries, CancellationToken cancellationToken) =>
        id.Contains('\0', StringComparison.Ordinal) ? Problems.BadRequest(NulInId)
        : await summaries.CheckoutAsync(id, cancellationToken) is { } summary ? TypedResults.Ok(summary)
        : Problems.NotFound($"id: no checkout '{id}'");

    public static async Task<Results<Ok<BuildSummary>, ProblemHttpResult>> BuildAsync(
        string id, KcidbSummaryQuery summaries, CancellationToken cancellationToken) =>
        id.Contains('\0', StringComparison.Ordinal) ? Problems.BadRequest(NulInId)
        : await summaries.BuildAsync(id, cancellationToken) is { } summary ? TypedResults.Ok(summary)
        : Problems.NotFound($"id: no build '{id}'");
}
