using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using KernelCI.Kcidb.Schema.Validation;

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
        var originUtf8 = Encoding.UTF8.GetBytes(origin);
        foreach (var list in ObjectLists)
        {
            if (!document.TryGetProperty(list, out var objects) || objects.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var index = 0;
            foreach (var item in objects.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && !Owns(item, originUtf8))
                {
                    Report(item, $"{list}[{index}]", origin, violations);
                }

                index++;
            }
        }

        return violations;
    }

    // The common case, an object that is the origin's, is decided on the parsed UTF-8 without building a string: the
    // messages, and so the strings, are only made for the objects that fail.
    private static bool Owns(JsonElement item, byte[] origin)
    {
        JsonFields.Get(item, "id"u8, "origin"u8, out var idValue, out var originValue);
        if (originValue.ValueKind == JsonValueKind.String && !originValue.ValueEquals(origin))
        {
            return false;
        }

        if (idValue.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        var raw = JsonMarshal.GetRawUtf8Value(idValue)[1..^1];
        if (raw.IndexOf((byte)'\\') >= 0)
        {
            return false;
        }

        var colon = raw.IndexOf((byte)':');
        return colon <= 0 || raw[..colon].SequenceEqual(origin);
    }

    private static void Report(JsonElement item, string where, string origin, List<string> violations)
    {
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
