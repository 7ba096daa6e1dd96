namespace KernelCI.Bench.Storage.Transfers;

/// <summary>One timed pass of a workload against one server.</summary>
internal sealed record Pass(double Seconds, long Bytes, int Requests);
