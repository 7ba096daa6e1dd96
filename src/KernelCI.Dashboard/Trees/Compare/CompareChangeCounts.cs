using System.Text.Json.Serialization;

namespace KernelCI.Dashboard.Trees.Compare;

/// <summary>How many paired items changed in each way (upstream's CompareChangeCounts; <see cref="ComparePairing"/>
/// states the rules).</summary>
internal sealed record CompareChangeCounts(
    long Regression,
    long Fixed,
    [property: JsonPropertyName("newFailure")] long NewFailure,
    [property: JsonPropertyName("stillFailing")] long StillFailing,
    [property: JsonPropertyName("newPass")] long NewPass,
    long Appeared,
    long Disappeared);
