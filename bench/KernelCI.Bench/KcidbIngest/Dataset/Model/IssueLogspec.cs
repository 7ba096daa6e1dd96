namespace KernelCI.Bench.KcidbIngest.Dataset.Model;

internal sealed record IssueLogspec(string Version, string Parser, LogspecError Error);
