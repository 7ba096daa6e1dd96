using System.Text.Json.Nodes;
using KernelCI.Kcidb.Schema.Validation;

namespace KernelCI.Kcidb.Schema.Upgrade;

/// <summary>
/// Upstream's v5.0 <c>_inherit()</c>. Returns why the data cannot be upgraded, or null once it is:
/// v5 forbids what v4 allowed (non-https repositories, loose test paths, NUL characters).
/// </summary>
internal static class V5Inheritance
{
    private const string Impossible = "so the document cannot be upgraded to v5";
    private const string WaivedIssueId = "_:waived";
    private const int WaivedIssueVersion = 1;

    private static readonly StringPattern TestPath = StringPattern.For(@"^([a-zA-Z0-9_-]+(\.[a-zA-Z0-9_-]+)*)?$");

    public static string? Apply(JsonObject data)
    {
        var index = 0;
        foreach (var checkout in JsonObjects.Objects(data, "checkouts"))
        {
            checkout.Remove("contacts");
            if (checkout["git_repository_url"] is { } url && !url.GetValue<string>().StartsWith("https://", StringComparison.Ordinal))
            {
                return $"checkouts[{index}].git_repository_url: {Quote(url)} is not an https:// URL, {Impossible}; use the repository's https URL";
            }

            index++;
        }

        foreach (var build in JsonObjects.Objects(data, "builds"))
        {
            if (build.Remove("valid", out var valid))
            {
                build["status"] = valid!.GetValue<bool>() ? "PASS" : "FAIL";
            }
        }

        var error = InheritTests(data);
        if (error is not null)
        {
            return error;
        }

        foreach (var issue in JsonObjects.Objects(data, "issues"))
        {
            issue.Remove("build_valid");
            issue.Remove("test_status");
        }

        return NulCharacters.Find(data, Impossible);
    }

    private static string? InheritTests(JsonObject data)
    {
        var waivedIssueAdded = false;
        var index = 0;
        foreach (var test in JsonObjects.Objects(data, "tests").ToList())
        {
            if (test["path"] is { } path && !TestPath.IsMatch(path.GetValue<string>()))
            {
                return $"tests[{index}].path: {Quote(path)} is not a valid test path in v5, {Impossible}";
            }

            index++;
            if (!test.Remove("waived", out var waived) || !waived!.GetValue<bool>())
            {
                continue;
            }

            if (!waivedIssueAdded)
            {
                JsonObjects.List(data, "issues").Add(new JsonObject
                {
                    ["id"] = WaivedIssueId,
                    ["origin"] = "_",
                    ["version"] = WaivedIssueVersion,
                    ["comment"] = "Test waived as unreliable",
                });
                waivedIssueAdded = true;
            }

            var testId = test["id"]!.GetValue<string>();
            JsonObjects.List(data, "incidents").Add(new JsonObject
            {
                ["id"] = $"{WaivedIssueId}:{WaivedIssueVersion}:{testId}",
                ["origin"] = "_",
                ["issue_id"] = WaivedIssueId,
                ["issue_version"] = WaivedIssueVersion,
                ["test_id"] = testId,
                ["present"] = true,
            });
        }

        return null;
    }

    private static string Quote(JsonNode value) => JsonText.Quote(value.GetValue<string>());
}
