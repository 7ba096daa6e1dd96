namespace KernelCI.Bench.KcidbIngest.Dataset;

internal sealed record Platform(string Name, string Architecture, IReadOnlyList<string> Compatible, string Lab);
