using System.Text.Json.Nodes;

namespace KernelCI.Dashboard.Details;

/// <summary>GET build/{id}'s answer (upstream's BuildDetailsResponse: BuildHistoryItem's fields, then the checkout's).
/// `origin` is the checkout's origin, `build_origin` the build's.</summary>
internal sealed record BuildDetails(
    string Id, string? Origin, string? Architecture, string? ConfigName, JsonNode? Misc, string? ConfigUrl, string? Compiler,
    string Status, double? Duration, string? LogUrl, string? StartTime, string? GitRepositoryUrl, string? GitRepositoryBranch,
    string CheckoutId, string? Command, string? Comment, string? TreeName, string? GitCommitHash, string? GitCommitName,
    string[]? GitCommitTags, string? LogExcerpt, JsonNode? InputFiles, JsonNode? OutputFiles, string BuildOrigin);
