using System.Text.Json;
using System.Text.RegularExpressions;

namespace KernelCI.Bench.KcidbIngest.Dataset;

/// <summary>Reads the written files back and checks what the benchmark relies on: exact counts, file sizes, parent-first
/// order, unique ids, resolvable parents, the v5.3 field shapes the bridge sends, and that the last checkout's family
/// in the files is what <see cref="CheckoutFamily"/> (the post-load API check) expects.</summary>
internal sealed partial class DatasetCheck(DatasetGenerator generator, int objectsPerFile)
{
    private static readonly string[] Sections = ["checkouts", "issues", "builds", "tests", "incidents"];
    private static readonly HashSet<string> Statuses = ["FAIL", "ERROR", "MISS", "PASS", "DONE", "SKIP"];

    private readonly Dictionary<string, HashSet<string>> _ids = Sections.ToDictionary(s => s, _ => new HashSet<string>(StringComparer.Ordinal));
    private readonly List<string> _problems = [];
    private readonly CheckoutFamily _family = CheckoutFamily.Of(generator, generator.Shape.Checkouts - 1);
    private readonly HashSet<string> _familyBuilds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _familyTests = new(StringComparer.Ordinal);
    private int _familyIncidents;
    private int _lastSection;

    public IReadOnlyList<string> Run(DatasetFiles files)
    {
        for (var i = 0; i < files.Files.Count; i++)
        {
            var file = files.Files[i];
            if (file.Objects > objectsPerFile || (i < files.Files.Count - 1 && file.Objects != objectsPerFile))
            {
                Problem($"{Path.GetFileName(file.Path)} holds {file.Objects} objects; expected {objectsPerFile} (fewer only in the last file)");
            }

            using var document = JsonDocument.Parse(File.ReadAllBytes(file.Path));
            CheckDocument(Path.GetFileName(file.Path), document.RootElement);
        }

        foreach (var (section, kind) in Sections.Zip(new[] { ObjectKind.Checkout, ObjectKind.Issue, ObjectKind.Build, ObjectKind.Test, ObjectKind.Incident }))
        {
            if (_ids[section].Count != generator.Shape.CountOf(kind))
            {
                Problem($"{section}: {_ids[section].Count} distinct ids; expected {generator.Shape.CountOf(kind)}");
            }
        }

        if ((_familyBuilds.Count, _familyTests.Count, _familyIncidents) != (_family.Builds, _family.Tests, _family.Incidents))
        {
            Problem($"checkout {_family.Id} has {_familyBuilds.Count} builds, {_familyTests.Count} tests, {_familyIncidents} incidents in the files; " +
                $"the layout says {_family.Builds}, {_family.Tests}, {_family.Incidents}");
        }

        return _problems;
    }

    private void CheckDocument(string name, JsonElement root)
    {
        var first = true;
        foreach (var property in root.EnumerateObject())
        {
            if (first && (property.Name != "version" || property.Value.GetProperty("major").GetInt32() != 5 || property.Value.GetProperty("minor").GetInt32() != 3))
            {
                Problem($"{name}: does not start with version 5.3");
            }

            first = false;
            var section = Array.IndexOf(Sections, property.Name);
            if (property.Name == "version")
            {
                continue;
            }

            if (section < _lastSection)
            {
                Problem($"{name}: {property.Name} after {Sections[_lastSection]} breaks parent-first order");
            }

            _lastSection = section;
            foreach (var item in property.Value.EnumerateArray())
            {
                CheckObject(name, property.Name, item);
            }
        }
    }

    private void CheckObject(string file, string section, JsonElement item)
    {
        var id = item.GetProperty("id").GetString()!;
        if (!_ids[section].Add(id))
        {
            Problem($"{file}: duplicate {section} id {id}");
        }

        if (!(section is "issues" or "incidents" ? HashId() : NodeId()).IsMatch(id) || item.GetProperty("origin").GetString() != IdFactory.Origin)
        {
            Problem($"{file}: {section} id {id} or its origin is not shaped like the bridge's");
        }

        switch (section)
        {
            case "checkouts":
                Expect(file, id, Sha1().IsMatch(item.GetProperty("git_commit_hash").GetString()!), "git_commit_hash is not 40 hex");
                Expect(file, id, item.GetProperty("git_repository_url").GetString()!.StartsWith("https://", StringComparison.Ordinal), "git_repository_url is not https");
                ExpectTime(file, id, item);
                break;
            case "builds":
                ExpectParent(file, id, item, "checkout_id", "checkouts");
                AddToFamily(_familyBuilds, item.GetProperty("checkout_id").GetString() == _family.Id, id);
                var excerpt = item.GetProperty("log_excerpt").GetString()!.Length;
                Expect(file, id, excerpt is >= 100 and <= 2048, $"log_excerpt has {excerpt} characters, not a few hundred");
                Expect(file, id, Statuses.Contains(item.GetProperty("status").GetString()!), "bad status");
                ExpectTime(file, id, item);
                break;
            case "tests":
                ExpectParent(file, id, item, "build_id", "builds");
                AddToFamily(_familyTests, _familyBuilds.Contains(item.GetProperty("build_id").GetString()!), id);
                Expect(file, id, TestPath().IsMatch(item.GetProperty("path").GetString()!), "path does not match $defs/path");
                Expect(file, id, !item.TryGetProperty("status", out var status) || Statuses.Contains(status.GetString()!), "bad status");
                ExpectTime(file, id, item);
                break;
            case "incidents":
                ExpectParent(file, id, item, "issue_id", "issues");
                var build = item.TryGetProperty("build_id", out _);
                Expect(file, id, build != item.TryGetProperty("test_id", out _), "needs exactly one of build_id and test_id");
                ExpectParent(file, id, item, build ? "build_id" : "test_id", build ? "builds" : "tests");
                var result = item.GetProperty(build ? "build_id" : "test_id").GetString()!;
                _familyIncidents += (build ? _familyBuilds : _familyTests).Contains(result) ? 1 : 0;
                break;
        }
    }

    private static void AddToFamily(HashSet<string> family, bool member, string id)
    {
        if (member)
        {
            family.Add(id);
        }
    }

    private void ExpectParent(string file, string id, JsonElement item, string field, string parentSection) =>
        Expect(file, id, _ids[parentSection].Contains(item.GetProperty(field).GetString()!), $"{field} is not an earlier {parentSection} id");

    private void ExpectTime(string file, string id, JsonElement item) =>
        Expect(file, id, Rfc3339().IsMatch(item.GetProperty("start_time").GetString()!), "start_time is not RFC 3339 with a zone");

    private void Expect(string file, string id, bool condition, string message)
    {
        if (!condition)
        {
            Problem($"{file}: {id}: {message}");
        }
    }

    // A broken generator would repeat one mistake millions of times; the first few say enough.
    private void Problem(string message)
    {
        if (_problems.Count < 20)
        {
            _problems.Add(message);
        }
    }

    [GeneratedRegex("^maestro:[0-9a-f]{24}$")]
    private static partial Regex NodeId();

    [GeneratedRegex("^maestro:[0-9a-f]{40}$")]
    private static partial Regex HashId();

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex Sha1();

    [GeneratedRegex(@"^([a-zA-Z0-9_-]+(\.[a-zA-Z0-9_-]+)*)?$")]
    private static partial Regex TestPath();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")]
    private static partial Regex Rfc3339();
}
