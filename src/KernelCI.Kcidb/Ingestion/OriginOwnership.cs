using System.Text.Json;

namespace KernelCI.Kcidb.Ingestion;

/// <summary>
/// Upstream trusts every body; we check that each object a submitter wrote belongs to its token's origin: its `origin`
/// field and its id prefix. Checked on the document as sent, so the synthetic `_` objects that upgrades add are allowed.
/// </summary>
public static class OriginOwnership
{
    private static readonly string[] ObjectLists = ["checkouts", "revisions", "builds", "tests", "issues", "incidents"];

    public static IReadOnlyList<string> Violations(JsonElement document, string origin)
    {
        var violations = new List<string>();
        foreach (var list in ObjectLists)
        {
            if (!document.TryGetProperty(list, out var objects) || objects.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var index = 0;
            foreach (var item in objects.EnumerateArray())
            {
                Check(item, $"{list}[{index}]", origin, violations);
                index++;
            }
        }

        return violations;
    }

    private static void Check(JsonElement item, string where, string origin, List<string> violations)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var id = item.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString()! : null;
        if (item.TryGetProperty("origin", out var originValue) && originValue.ValueKind == JsonValueKind.String
            && originValue.GetString() != origin)
        {
            violations.Add($"{where} (id {id}): origin '{originValue.GetString()}' does not match the token's origin '{origin}'");
            return;
        }

        var colon = id?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon > 0 && !id.AsSpan(0, colon).SequenceEqual(origin))
        {
            violations.Add($"{where} (id {id}): id prefix '{id![..colon]}' does not match the token's origin '{origin}'");
        }
    }
}
