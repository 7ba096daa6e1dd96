namespace KernelCI.Bench.KcidbIngest.Dataset.Model;

internal sealed record BuildMisc(
    string Platform,
    string Runtime,
    string Lab,
    string JobId,
    string JobContext,
    string KernelType,
    string? ErrorCode,
    string? ErrorMsg,
    string MaestroViewer);
