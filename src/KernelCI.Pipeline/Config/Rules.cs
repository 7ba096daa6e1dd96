using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Config;

/// <summary>Upstream's `rules:` mapping as written (tree, branch, min_version, max_version, arch, defconfig, …;
/// a '!' prefix denies). Evaluated by KernelCI.Pipeline.Services.Scheduler.</summary>
public sealed record Rules(JsonObject Raw)
{
    public static Rules None { get; } = new([]);

    public bool IsEmpty => Raw.Count == 0;
}
