namespace KernelCI.Bench.KcidbIngest.Report;

internal sealed record DatasetSummary(
    double Scale,
    long Seed,
    IReadOnlyDictionary<string, long> Objects,
    long TotalObjects,
    int Files,
    long Bytes,
    double GenerationSeconds);
