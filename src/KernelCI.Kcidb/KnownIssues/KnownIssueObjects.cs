using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace KernelCI.Kcidb.KnownIssues;

/// <summary>A known issue and its incidents as KCIDB v5.3 objects of our origin. The incident id comes from the issue
/// and the result, so matching a result again (a restart, a new version of the matcher) submits the same incident,
/// which KCIDB merges; it then points at the newest version.</summary>
internal static class KnownIssueObjects
{
    public const string Category = "known_issue";

    public static string IssueId(string origin, string name) => $"{origin}:known_{name}";

    public static string IncidentId(string origin, string issueId, string resultId) =>
        $"{origin}:known_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{issueId}\n{resultId}")))[..32]}";

    public static JsonObject Issue(KnownIssue issue, string origin)
    {
        var json = new JsonObject
        {
            ["id"] = issue.IssueId,
            ["version"] = issue.Version,
            ["origin"] = origin,
            ["report_subject"] = issue.ReportSubject,
            ["categories"] = new JsonArray(Category),
            ["misc"] = new JsonObject
            {
                ["matcher"] = issue.MatchesBuilds
                    ? new JsonObject
                    {
                        ["kind"] = issue.Kind,
                        ["config"] = issue.Config,
                        ["architecture"] = issue.Architecture,
                        ["compiler"] = issue.Compiler,
                        ["origin"] = issue.Origin,
                        ["log_regex"] = issue.LogRegex,
                    }
                    : new JsonObject
                    {
                        ["test_path"] = issue.TestPath,
                        ["platform"] = issue.Platform,
                        ["origin"] = issue.Origin,
                        ["log_regex"] = issue.LogRegex,
                    },
            },
        };
        if (!string.IsNullOrEmpty(issue.Comment))
        {
            json["comment"] = issue.Comment;
        }

        var culprit = new JsonObject();
        foreach (var (name, flag) in new[] { ("code", issue.CulpritCode), ("tool", issue.CulpritTool), ("harness", issue.CulpritHarness) })
        {
            if (flag is { } value)
            {
                culprit[name] = value;
            }
        }

        if (culprit.Count > 0)
        {
            json["culprit"] = culprit;
        }

        return json;
    }

    public static JsonObject Incident(KnownIssue issue, string origin, ResultRow row, (int Line, string Text)? evidence)
    {
        var misc = new JsonObject { ["matched_by"] = evidence is null ? "result" : "log" };
        if (evidence is var (line, text))
        {
            misc["line_number"] = line;
            misc["line"] = text;
        }

        return new JsonObject
        {
            ["id"] = IncidentId(origin, issue.IssueId, row.Id),
            ["origin"] = origin,
            ["issue_id"] = issue.IssueId,
            ["issue_version"] = issue.Version,
            [row.Kind == ResultKind.Build ? "build_id" : "test_id"] = row.Id,
            ["present"] = true,
            ["misc"] = new JsonObject { ["known_issue"] = misc },
        };
    }

    public static JsonObject Document(IEnumerable<JsonNode> issues, IEnumerable<JsonNode> incidents) => new()
    {
        ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 },
        ["issues"] = new JsonArray([.. issues]),
        ["incidents"] = new JsonArray([.. incidents]),
    };
}
