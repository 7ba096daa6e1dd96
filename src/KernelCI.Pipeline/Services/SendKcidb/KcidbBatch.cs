using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Services.SendKcidb;

/// <summary>The objects of one KCIDB submission, and the nodes to mark processed once KCIDB accepted it.</summary>
internal sealed class KcidbBatch
{
    private readonly Dictionary<string, JsonObject> _builds = [];
    private readonly Dictionary<string, JsonObject> _issues = [];

    public List<JsonObject> Checkouts { get; } = [];

    public List<JsonObject> Tests { get; } = [];

    public List<JsonObject> Incidents { get; } = [];

    public HashSet<string> Processed { get; } = [];

    public IEnumerable<JsonObject> Builds => _builds.Values;

    public IEnumerable<JsonObject> Issues => _issues.Values;

    public bool IsEmpty => Checkouts.Count == 0 && _builds.Count == 0 && Tests.Count == 0 && _issues.Count == 0;

    /// <summary>Dummy builds are shared by every test of a checkout, so a build id is kept once.</summary>
    public void AddBuild(JsonObject build) => _builds.TryAdd(build["id"]!.GetValue<string>(), build);

    public void AddIssue(JsonObject issue) => _issues.TryAdd(issue["id"]!.GetValue<string>(), issue);

    public JsonObject ToDocument()
    {
        var document = new JsonObject { ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 } };
        Add(document, "checkouts", Checkouts);
        Add(document, "builds", Builds);
        Add(document, "tests", Tests);
        Add(document, "issues", Issues);
        Add(document, "incidents", Incidents);
        return document;
    }

    private static void Add(JsonObject document, string key, IEnumerable<JsonObject> objects)
    {
        var array = new JsonArray([.. objects.Select(o => (JsonNode)o.DeepClone())]);
        if (array.Count > 0)
        {
            document[key] = array;
        }
    }
}
