namespace KernelCI.Bench.Storage.Transfers;

/// <summary>One timed pass of a workload against one server, with the CPU seconds the server (with its child
/// processes) and the bench's own client used during it, when measured.</summary>
internal sealed record Pass(double Seconds, long Bytes, int Requests, double? ServerCpuSeconds = null, double? ClientCpuSeconds = null);
