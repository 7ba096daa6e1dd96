namespace KernelCI.Bench.Storage;

internal sealed record SmallFile(string Name, ReadOnlyMemory<byte> Content);
