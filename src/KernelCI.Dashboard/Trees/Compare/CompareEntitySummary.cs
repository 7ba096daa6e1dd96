using System.Text.Json.Serialization;

namespace KernelCI.Dashboard.Trees.Compare;

internal sealed record CompareEntitySummary(
    [property: JsonPropertyName("sideA")] CompareStatusCounts SideA,
    [property: JsonPropertyName("sideB")] CompareStatusCounts SideB,
    CompareDelta Delta,
    CompareChangeCounts Changes)
{
    public static CompareEntitySummary Of(CompareStatusCounts a, CompareStatusCounts b, CompareChangeCounts changes) =>
        new(a, b, new CompareDelta(b.Pass - a.Pass, b.Fail - a.Fail), changes);
}
