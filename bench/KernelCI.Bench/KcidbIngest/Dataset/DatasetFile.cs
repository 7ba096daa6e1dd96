namespace KernelCI.Bench.KcidbIngest.Dataset;

internal sealed record DatasetFile(string Path, int Objects, long Bytes);
