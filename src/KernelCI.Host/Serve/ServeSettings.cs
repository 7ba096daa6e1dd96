namespace KernelCI.Host.Serve;

internal sealed record ServeSettings(string DataDir, string? Database, string? ConfigFile, string Listen, int BasePort, string[] Only, string? PipelineConfig = null);
