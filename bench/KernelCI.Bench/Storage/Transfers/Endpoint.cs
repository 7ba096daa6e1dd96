using KernelCI.Bench.Storage.Cpu;

namespace KernelCI.Bench.Storage.Transfers;

internal sealed record Endpoint(string Name, Uri BaseUri, HttpClient Http, ProcessTreeCpu Cpu);
