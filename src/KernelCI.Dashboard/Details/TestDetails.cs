using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KernelCI.Dashboard.Details;

/// <summary>GET test/{id}'s answer (upstream's TestDetailsResponse): the test, its build's configuration and its
/// checkout. `origin` is the checkout's origin, `test_origin` the test's. <see cref="Duration"/> is not in upstream's
/// answer, so the API leaves it out; the test page (Web/TestResults) shows it.</summary>
internal sealed record TestDetails(
    string? FieldTimestamp, string Id, string BuildId, string Status, string? Path, string? LogExcerpt, string? LogUrl,
    JsonNode? Misc, JsonNode? EnvironmentMisc, string? StartTime, string[]? EnvironmentCompatible, JsonNode? OutputFiles,
    JsonNode? InputFiles, string? Compiler, string? Architecture, string? ConfigName, string? GitCommitHash,
    string? GitRepositoryBranch, string? GitRepositoryUrl, string[]? GitCommitTags, string? TreeName, string? Origin,
    string TestOrigin,
    [property: JsonIgnore] double? Duration = null);
