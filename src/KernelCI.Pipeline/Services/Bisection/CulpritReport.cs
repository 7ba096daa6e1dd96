using System.Text.Json.Nodes;
using KernelCI.Client.Bisection;

namespace KernelCI.Pipeline.Services.Bisection;

/// <summary>The culprit as KCIDB objects of our origin (kcidb.md, fields of an issue): one issue per regression,
/// `culprit.code` true since a commit of the tree broke it, and one incident tying it to the failing build or test. Ids
/// come from the regression's, so a bisection reported twice merges.</summary>
internal static class CulpritReport
{
    public static string IssueId(string origin, string regressionId) => $"{origin}:bisect_{regressionId}";

    public static JsonObject Document(string origin, BisectionPlan plan, BisectCommit culprit, string bisectionNodeId)
    {
        var issueId = IssueId(origin, plan.RegressionId);
        var incident = new JsonObject
        {
            ["id"] = issueId,
            ["origin"] = origin,
            ["issue_id"] = issueId,
            ["issue_version"] = 1,
            ["present"] = true,
            ["comment"] = $"first bad commit {culprit.Sha}",
        };
        incident[plan.Kind == "build" ? "build_id" : "test_id"] = plan.FailingResult;
        return new JsonObject
        {
            ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 },
            ["issues"] = new JsonArray(new JsonObject
            {
                ["id"] = issueId,
                ["version"] = 1,
                ["origin"] = origin,
                ["report_subject"] = Cut($"{culprit.Subject} (first bad commit {culprit.Sha[..12]})", 200),
                ["culprit"] = new JsonObject { ["code"] = true, ["tool"] = false, ["harness"] = false },
                ["comment"] = Cut($"Bisection of {plan.Tree}/{plan.Branch} {plan.Good[..Math.Min(12, plan.Good.Length)]}.."
                    + $"{plan.Bad[..Math.Min(12, plan.Bad.Length)]} for {plan.Test}: first bad commit {culprit.Sha} \"{culprit.Subject}\" by {culprit.Author}", 1000),
                ["misc"] = new JsonObject
                {
                    ["regression"] = plan.RegressionId,
                    ["commit"] = culprit.Sha,
                    ["author"] = culprit.Author,
                    ["bisection_node"] = bisectionNodeId,
                },
            }),
            ["incidents"] = new JsonArray(incident),
        };
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
