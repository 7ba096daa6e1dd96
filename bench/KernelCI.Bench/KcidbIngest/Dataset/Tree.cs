namespace KernelCI.Bench.KcidbIngest.Dataset;

internal sealed record Tree(string Name, string Url, IReadOnlyList<string> Branches);
