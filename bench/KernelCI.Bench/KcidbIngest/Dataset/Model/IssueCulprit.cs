namespace KernelCI.Bench.KcidbIngest.Dataset.Model;

internal sealed record IssueCulprit(bool Code, bool Tool, bool Harness);
