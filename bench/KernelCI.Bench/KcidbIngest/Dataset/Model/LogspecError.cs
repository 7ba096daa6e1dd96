namespace KernelCI.Bench.KcidbIngest.Dataset.Model;

internal sealed record LogspecError(string ErrorType, string ErrorSummary, string Target, string SrcFile, string Signature);
