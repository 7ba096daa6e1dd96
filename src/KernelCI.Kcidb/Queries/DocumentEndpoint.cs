using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KernelCI.Kcidb.Queries;

/// <summary>GET /api/query: kcidb-query's -c/-b/-t/-n/-i/--issue-version/--children/--parents/--with-metadata.</summary>
internal static class DocumentEndpoint
{
    private static readonly string[] Known =
        ["checkout", "build", "test", "incident", "issue", "issue_version", "children", "parents", "with_metadata"];

    /// <exception cref="BadParameterException">Answered by <see cref="KcidbErrorFilter"/>.</exception>
    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> QueryAsync(
        HttpRequest request, KcidbDocumentQuery documents, CancellationToken cancellationToken)
    {
        var query = request.Query;
        QueryParameters.RejectUnknown(query, Known);
        var issues = QueryParameters.Ids(query, "issue");
        var versions = query["issue_version"];
        if (versions.Count != issues.Count)
        {
            throw new BadParameterException("issue_version", $"give one per issue ({issues.Count} issue, {versions.Count} issue_version)");
        }

        var selection = new ObjectSelection(
            QueryParameters.Ids(query, "checkout"), QueryParameters.Ids(query, "build"), QueryParameters.Ids(query, "test"),
            [.. issues.Select((id, i) => (id, QueryParameters.Version("issue_version", versions[i] ?? "")))],
            QueryParameters.Ids(query, "incident"));
        var children = QueryParameters.Flag(query, "children");
        var parents = QueryParameters.Flag(query, "parents");
        var withMetadata = QueryParameters.Flag(query, "with_metadata");
        return TypedResults.Ok(await documents.QueryAsync(selection, children, parents, withMetadata, cancellationToken));
    }
}
