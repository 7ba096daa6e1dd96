namespace KernelCI.Bench.KcidbIngest.Dataset.Model;

internal sealed record TestMisc(
    string TestSource,
    string TestRevision,
    string Compiler,
    string KernelType,
    string Arch,
    string Runtime,
    string Lab,
    string? ErrorCode);
