namespace KernelCI.Bench.KcidbIngest.Dataset.Model;

internal sealed record IssueMisc(IssueLogspec Logspec);
