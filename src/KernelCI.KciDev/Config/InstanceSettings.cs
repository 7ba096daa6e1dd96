namespace KernelCI.KciDev.Config;

/// <summary>One instance table of the config file (kci-dev.md §1): every key is optional until a command needs it.</summary>
public sealed record InstanceSettings(
    string Name,
    string? Pipeline,
    string? Api,
    string? Token,
    string? DashboardApi,
    string? KcidbRestUrl,
    string? KcidbToken,
    string? StorageUrl,
    string? StorageToken);
