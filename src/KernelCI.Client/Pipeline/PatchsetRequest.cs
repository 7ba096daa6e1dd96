namespace KernelCI.Client.Pipeline;

/// <summary>POST api/patchset (kci-dev.md §9): a checkout node and either patch texts or patch URLs.</summary>
public sealed record PatchsetRequest(string NodeId, IReadOnlyList<string>? Patches, IReadOnlyList<string>? PatchUrls,
    IReadOnlyList<string>? JobFilter, IReadOnlyList<string>? PlatformFilter);
