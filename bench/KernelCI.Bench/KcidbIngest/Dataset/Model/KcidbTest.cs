namespace KernelCI.Bench.KcidbIngest.Dataset.Model;

/// <summary>A missing <see cref="Status"/> is the bridge's "incomplete, no verdict" case and is left out of the JSON.</summary>
internal sealed record KcidbTest(
    string Id,
    string Origin,
    string BuildId,
    string Comment,
    DateTimeOffset StartTime,
    double Duration,
    string Path,
    string? Status,
    TestEnvironment Environment,
    string LogUrl,
    string? LogExcerpt,
    IReadOnlyList<KcidbResource>? OutputFiles,
    TestMisc Misc);
