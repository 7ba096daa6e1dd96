using System.Text.Json.Serialization;
using KernelCI.Dashboard.Statuses;

namespace KernelCI.Dashboard.Trees.Commits;

/// <summary>Boot and test counts in the commit history, with upstream's lower-case keys (TestStatusCount dumped by
/// alias, kernelci/dashboard:backend/kernelCI_app/typeModels/treeListing.py), which kci-dev's `results summary --history` reads.</summary>
internal sealed record LowerStatusCounts(
    [property: JsonPropertyName("fail")] long Fail,
    [property: JsonPropertyName("error")] long Error,
    [property: JsonPropertyName("miss")] long Miss,
    [property: JsonPropertyName("pass")] long Pass,
    [property: JsonPropertyName("done")] long Done,
    [property: JsonPropertyName("skip")] long Skip,
    [property: JsonPropertyName("null")] long Null)
{
    public static LowerStatusCounts From(StatusCounts counts) =>
        new(counts.Fail, counts.Error, counts.Miss, counts.Pass, counts.Done, counts.Skip, counts.Null);
}
