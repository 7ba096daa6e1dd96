using System.Text.Json.Nodes;

namespace KernelCI.KciDev.Maestro.Validate;

/// <summary>One checkout compared: how many builds or boots each side has, which are missing on one side and which
/// disagree on status (Maestro node IDs), and upstream's ✅/❌ verdict.</summary>
internal sealed record ValidationRow(
    string TreeBranch,
    string Commit,
    int MaestroCount,
    int DashboardCount,
    IReadOnlyList<string> MissingIds,
    IReadOnlyList<string> StatusMismatchIds)
{
    /// <summary>The missing nodes or dashboard rows themselves, for `--verbose`.</summary>
    public IReadOnlyList<JsonObject> MissingItems { get; init; } = [];

    public bool Matches => MaestroCount == DashboardCount && MissingIds.Count == 0 && StatusMismatchIds.Count == 0;

    public string Flag => Matches ? "✅" : "❌";
}
