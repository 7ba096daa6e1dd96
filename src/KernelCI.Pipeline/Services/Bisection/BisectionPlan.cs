using System.Text.Json.Serialization;

namespace KernelCI.Pipeline.Services.Bisection;

/// <summary>What an automatic bisection tests and reports, kept in its node's `data.plan` so a restarted host resumes
/// it: the regression (KCIDB id, its node, the failing result's KCIDB id and kind), the tree, the last good and first
/// bad commits, and the regression's own job: the kbuild and job names, the platform and the test whose result decides.</summary>
internal sealed record BisectionPlan(
    [property: JsonPropertyName("regression")] string RegressionId,
    [property: JsonPropertyName("regression_node")] string RegressionNodeId,
    [property: JsonPropertyName("failing_result")] string FailingResult,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("tree")] string Tree,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("branch")] string Branch,
    [property: JsonPropertyName("good")] string Good,
    [property: JsonPropertyName("bad")] string Bad,
    [property: JsonPropertyName("jobfilter")] IReadOnlyList<string> JobFilter,
    [property: JsonPropertyName("platform_filter")] IReadOnlyList<string> PlatformFilter,
    [property: JsonPropertyName("test")] string Test);
