using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KernelCI.Triage.Kcidb;

/// <summary>Turns triaged results into a KCIDB v5.3 document: one issue per fingerprint, version
/// <see cref="IssueVersion"/>, and one incident per affected build or test. Both ids are derived from the
/// fingerprint (and the result's id), so triaging the same log again submits the same objects, which KCIDB merges
/// instead of duplicating (docs/regressions.md).</summary>
public static partial class TriageDocument
{
    public const int IssueVersion = 1;

    /// <summary>The tool name in the comments, as upstream's logspec writes "[logspec:parser,type]".</summary>
    public const string Tool = "triage";

    public static string IssueId(string origin, Problem problem) => $"{origin}:triage_{problem.Fingerprint}";

    public static string IncidentId(string origin, string issueId, string resultId) =>
        $"{origin}:triage_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{issueId}\n{resultId}")))[..32]}";

    public static JsonObject Create(string origin, IEnumerable<TriagedResult> results)
    {
        if (!Origin().IsMatch(origin))
        {
            throw new ArgumentException($"The origin '{origin}' does not match ^[a-z0-9_]+$", nameof(origin));
        }

        var issues = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var incidents = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            foreach (var problem in result.Problems)
            {
                var issueId = IssueId(origin, problem);
                if (!issues.ContainsKey(issueId))
                {
                    issues[issueId] = TriageObjects.Issue(issueId, origin, problem);
                }

                var incidentId = IncidentId(origin, issueId, result.Id);
                incidents.TryAdd(incidentId, TriageObjects.Incident(incidentId, origin, issueId, result, problem));
            }
        }

        return new JsonObject
        {
            ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 },
            ["issues"] = new JsonArray([.. issues.Values]),
            ["incidents"] = new JsonArray([.. incidents.Values]),
        };
    }

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex Origin();
}
