namespace KernelCI.Bench.Storage.Transfers;

internal sealed record UploadResult(string Workload, int Clients, TransferResult Ours);
