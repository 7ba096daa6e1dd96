using System.Text.Json.Nodes;

namespace KernelCI.Triage.Kcidb;

/// <summary>The KCIDB issue and incident of a problem. The issue holds what every occurrence shares (the signature,
/// the first occurrence's file and function); the incident holds this result's evidence (line, count).</summary>
internal static class TriageObjects
{
    private const int MaxSubjectLength = 200;

    public static JsonObject Issue(string id, string origin, Problem problem)
    {
        var category = IssueTaxonomy.Category(problem.Kind);
        var issue = new JsonObject
        {
            ["id"] = id,
            ["origin"] = origin,
            ["version"] = TriageDocument.IssueVersion,
            ["categories"] = new JsonArray(category),
            ["report_subject"] = problem.Summary.Length > MaxSubjectLength ? problem.Summary[..MaxSubjectLength] : problem.Summary,
            ["comment"] = $"{problem.Summary} [{TriageDocument.Tool}:{category}]",
            ["misc"] = new JsonObject
            {
                [TriageDocument.Tool] = WithoutNulls(new JsonObject
                {
                    ["signature"] = problem.Signature,
                    ["fingerprint"] = problem.Fingerprint,
                    ["kind"] = category,
                    ["file"] = problem.File,
                    ["function"] = problem.Function,
                    ["flag"] = problem.Flag,
                }),
            },
        };
        var (code, tool, harness) = IssueTaxonomy.Culprit(problem);
        var culprit = WithoutNulls(new JsonObject { ["code"] = code, ["tool"] = tool, ["harness"] = harness });
        if (culprit.Count > 0)
        {
            issue["culprit"] = culprit;
        }

        return issue;
    }

    public static JsonObject Incident(string id, string origin, string issueId, TriagedResult result, Problem problem) => new()
    {
        ["id"] = id,
        ["origin"] = origin,
        ["issue_id"] = issueId,
        ["issue_version"] = TriageDocument.IssueVersion,
        [result.Kind == TriagedResultKind.Build ? "build_id" : "test_id"] = result.Id,
        ["present"] = true,
        ["comment"] = "found by log triage",
        ["misc"] = new JsonObject
        {
            [TriageDocument.Tool] = WithoutNulls(new JsonObject
            {
                ["evidence"] = problem.Evidence,
                ["log_line"] = problem.LogLine,
                ["occurrences"] = problem.Occurrences,
                ["line"] = problem.Line,
                ["column"] = problem.Column,
            }),
        },
    };

    private static JsonObject WithoutNulls(JsonObject value)
    {
        foreach (var key in value.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            value.Remove(key);
        }

        return value;
    }
}
