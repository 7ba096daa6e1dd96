using System.Text;
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
        foreach (var (list, type) in Lists)
        {
            if (document.TryGetProperty(list, out var objects) && objects.GetArrayLength() > 1 && HasCollision(objects, list == "issues"))
            {
                FindExactly(objects, list, type, errors);
            }
        }

        return errors;
    }

    // Hashing the ids' UTF-8 avoids a string per object; only a collision pays for the exact check. An escaped id is
    // hashed by the UTF-8 of its value, so that equal ids written differently still collide.
    private static bool HasCollision(JsonElement objects, bool versioned)
    {
        var seen = new HashSet<int>(objects.GetArrayLength());
        foreach (var item in objects.EnumerateArray())
        {
            JsonFields.Get(item, "id"u8, "version"u8, out var id, out var version);
            var raw = JsonText.RawUtf8(id);
            var hash = new HashCode();
            hash.AddBytes(JsonText.IsEscaped(raw) ? Encoding.UTF8.GetBytes(id.GetString()!) : raw);
            if (versioned)
            {
                hash.Add(JsonNumbers.ToDouble(version));
            }

            if (!seen.Add(hash.ToHashCode()))
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
