using System.Text.Json.Serialization;

namespace KernelCI.Dashboard.Trees.Compare;

/// <summary>`tree/{name}/{branch}/compare` (upstream's TreeCompareResponse dumped by alias,
/// kernelci/dashboard:backend/kernelCI_app/typeModels/treeCompare.py).</summary>
internal sealed record TreeCompareResponse(
    [property: JsonPropertyName("treeName")] string TreeName,
    string Branch,
    [property: JsonPropertyName("gitUrl")] string GitUrl,
    CompareSummary Summary);
