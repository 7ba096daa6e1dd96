namespace KernelCI.Bench.KcidbIngest.Dataset.Model;

internal sealed record CheckoutMisc(string SubmittedBy);
