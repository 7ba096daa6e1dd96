namespace KernelCI.Bench.KcidbIngest.Dataset.Model;

internal sealed record KcidbResource(string Name, string Url);
