using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Services.Scheduler;

/// <summary>What rules are evaluated against: the node about to be created, then its parent and the parent's
/// ancestors, nearest first (each as the node's JSON).</summary>
internal sealed record RuleContext(IReadOnlyList<JsonObject> Nodes)
{
    public JsonObject? KernelRevision => Nodes.Select(n => n["data"]?["kernel_revision"] as JsonObject).FirstOrDefault(k => k is not null);

    public string? Tree => KernelRevision?["tree"]?.ToString();

    public string? Branch => KernelRevision?["branch"]?.ToString();

    /// <summary>The value of <paramref name="key"/> in the nearest node that has it anywhere in its fields.</summary>
    public JsonNode? Find(string key)
    {
        foreach (var node in Nodes)
        {
            if (FindIn(node, key, out var value))
            {
                return value;
            }
        }

        return null;
    }

    private static bool FindIn(JsonObject node, string key, out JsonNode? value)
    {
        if (node.TryGetPropertyValue(key, out value) && value is not null)
        {
            return true;
        }

        foreach (var (_, child) in node)
        {
            if (child is JsonObject nested && FindIn(nested, key, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }
}
