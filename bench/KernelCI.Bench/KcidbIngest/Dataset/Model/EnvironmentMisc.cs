namespace KernelCI.Bench.KcidbIngest.Dataset.Model;

internal sealed record EnvironmentMisc(string Platform, string JobId, string JobContext, string JobUrl);
