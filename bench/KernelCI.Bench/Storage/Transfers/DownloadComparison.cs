namespace KernelCI.Bench.Storage.Transfers;

/// <summary>One download workload on both servers; <see cref="Ratio"/> is ours over nginx's throughput.</summary>
internal sealed record DownloadComparison(string Workload, int Clients, TransferResult Ours, TransferResult Nginx)
{
    public double Ratio => Ours.MegabytesPerSecond / Nginx.MegabytesPerSecond;
}
