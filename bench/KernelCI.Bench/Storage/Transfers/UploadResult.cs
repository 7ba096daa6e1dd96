namespace KernelCI.Bench.Storage.Transfers;

/// <summary>Uploads through our server; <paramref name="NginxPut"/> is the same file PUT to nginx, when measured.</summary>
internal sealed record UploadResult(string Workload, int Clients, TransferResult Ours, TransferResult? NginxPut = null);
