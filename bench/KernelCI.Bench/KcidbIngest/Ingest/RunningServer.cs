using KernelCI.Bench.Infrastructure;

namespace KernelCI.Bench.KcidbIngest.Ingest;

/// <summary>A started server with its memory sampler and a client, as one run measures it.</summary>
internal sealed record RunningServer(string Name, ServerProcess Server, MemorySampler Memory, KcidbHttpClient Client);
