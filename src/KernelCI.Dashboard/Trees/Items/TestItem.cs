namespace KernelCI.Dashboard.Trees.Items;

/// <summary>One boot or test of `tree/{hash}/boots|tests` (upstream's TestHistoryItem), written by
/// <see cref="TestItemWriter"/> in this order. `environment_compatible` is always present, null when the test has
/// none, as kci-dev reads it without a fallback (kci-dev.md §9). `environment_misc` is <see cref="EnvironmentMisc"/>
/// (the whole object's text, with full_environment_misc) or else `{"platform": Platform}`.</summary>
internal sealed record TestItem(string Id, string Origin, string Status, double? Duration, string Path, string? StartTime,
    string[]? EnvironmentCompatible, string Config, string? LogUrl, string Architecture, string Compiler, string? Platform,
    string? EnvironmentMisc, string Lab);
