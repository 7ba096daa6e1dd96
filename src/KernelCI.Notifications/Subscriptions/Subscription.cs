using System.Text.Json.Serialization;

namespace KernelCI.Notifications.Subscriptions;

/// <summary>What one address follows. Every criterion given must hold; `path` and `files` are patterns
/// (<see cref="Patterns"/>), the others are equal to the regression's field. `state` is `active` once the address is
/// confirmed, `unconfirmed` before. <paramref name="Source"/> names the subscription file a read-only one comes from
/// (<see cref="SubscriptionFiles"/>); its `path` is then upstream's SQL LIKE pattern (`%`, `_`).</summary>
internal sealed record Subscription(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("tree")] string? Tree,
    [property: JsonPropertyName("branch")] string? Branch,
    [property: JsonPropertyName("path")] string? Path,
    [property: JsonPropertyName("platform")] string? Platform,
    [property: JsonPropertyName("origin")] string? Origin,
    [property: JsonPropertyName("files")] string? Files,
    [property: JsonPropertyName("delivery")] string Delivery,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("source")] string? Source = null)
{
    /// <summary>Checkout summaries even when nothing changed (upstream's `always: true`); only with a tree.</summary>
    [JsonPropertyName("always")]
    public bool Always { get; init; }
    /// <summary>A hardware subscription file's entry (`*_hardware.yaml`): the weekly hardware summary of its platform,
    /// and no other report.</summary>
    [JsonPropertyName("weekly_hardware_only")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool WeeklyHardwareOnly { get; init; }

    /// <summary>The start of every subscription file entry's id.</summary>
    public const string FilePrefix = "file-";

    /// <summary>A subscription file's entries are changed by editing the file, not through the API.</summary>
    [JsonPropertyName("read_only")]
    public bool ReadOnly => Source is not null;

    /// <summary>What the footer of a mail says the address follows.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Tree is not null)
        {
            parts.Add(Branch is null ? $"tree {Tree}" : $"{Tree}/{Branch}");
        }
        else if (Branch is not null)
        {
            parts.Add($"branch {Branch}");
        }

        if (Path is not null)
        {
            parts.Add($"tests {Path}");
        }

        if (Platform is not null)
        {
            parts.Add($"platform {Platform}");
        }

        if (Origin is not null)
        {
            parts.Add($"origin {Origin}");
        }

        if (Files is not null)
        {
            parts.Add($"files {Files}");
        }

        return string.Join(", ", parts);
    }
}
