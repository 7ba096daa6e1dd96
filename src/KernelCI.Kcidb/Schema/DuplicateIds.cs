using System.Text.Json;
using KernelCI.Kcidb.Schema.Validation;

namespace KernelCI.Kcidb.Schema;

/// <summary>Finds objects of one type sharing an id (issues: an id and version) within a valid v5.3 document.</summary>
internal static class DuplicateIds
{
    private static readonly (string List, string Type)[] Lists =
        [("checkouts", "checkout"), ("builds", "build"), ("tests", "test"), ("issues", "issue"), ("incidents", "incident")];

    public static List<string> Find(JsonElement document)
    {
        var errors = new List<string>();
        var context = new ValidationContext();
        foreach (var (list, type) in Lists)
        {
            if (document.TryGetProperty(list, out var objects) && objects.GetArrayLength() > 1 && HasCollision(objects, list == "issues", context))
            {
                FindExactly(objects, list, type, errors);
            }
        }

        return errors;
    }

    // Hashing the decoded ids avoids a string per object; only a collision pays for the exact check.
    private static bool HasCollision(JsonElement objects, bool versioned, ValidationContext context)
    {
        var seen = new HashSet<int>(objects.GetArrayLength());
        foreach (var item in objects.EnumerateArray())
        {
            var id = item.GetProperty("id");
            var hash = string.GetHashCode(JsonText.Chars(id, JsonText.RawUtf8(id), context));
            if (versioned)
            {
                hash = HashCode.Combine(hash, JsonNumbers.ToDouble(item.GetProperty("version")));
            }

            if (!seen.Add(hash))
            {
                return true;
            }
        }

        return false;
    }

    private static void FindExactly(JsonElement objects, string list, string type, List<string> errors)
    {
        var first = new Dictionary<(string Id, double Version), int>();
        var index = 0;
        foreach (var item in objects.EnumerateArray())
        {
            var versioned = list == "issues";
            var key = (item.GetProperty("id").GetString()!, versioned ? JsonNumbers.ToDouble(item.GetProperty("version")) : 0);
            if (first.TryGetValue(key, out var earlier))
            {
                var what = versioned ? $"{type} id \"{key.Item1}\" version {key.Item2}" : $"{type} id \"{key.Item1}\"";
                errors.Add($"{list}[{index}]: duplicate {what}, already used by {list}[{earlier}]");
                if (errors.Count >= ValidationContext.DefaultMaxErrors)
                {
                    return;
                }
            }
            else
            {
                first[key] = index;
            }

            index++;
        }
    }
}
