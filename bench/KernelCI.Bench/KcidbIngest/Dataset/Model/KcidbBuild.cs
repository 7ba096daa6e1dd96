namespace KernelCI.Bench.KcidbIngest.Dataset.Model;

internal sealed record KcidbBuild(
    string Id,
    string Origin,
    string CheckoutId,
    string Comment,
    DateTimeOffset StartTime,
    double Duration,
    string Architecture,
    string Compiler,
    string ConfigName,
    string ConfigUrl,
    string LogUrl,
    string LogExcerpt,
    IReadOnlyList<KcidbResource> OutputFiles,
    BuildMisc Misc,
    string Status);
