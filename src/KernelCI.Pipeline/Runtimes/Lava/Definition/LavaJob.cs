using YamlDotNet.Serialization;

namespace KernelCI.Pipeline.Runtimes.Lava.Definition;

/// <summary>A LAVA job definition, as kernelci-core's base template writes it
/// (kernelci/kernelci-core:config/runtime/base/lava.jinja2), serialised by <see cref="LavaYaml"/>.</summary>
internal sealed record LavaJob(
    [property: YamlMember(Alias = "job_name")] string JobName,
    [property: YamlMember(Alias = "device_type")] string DeviceType,
    string Visibility,
    int Priority,
    IReadOnlyDictionary<string, object>? Context,
    LavaTimeouts Timeouts,
    LavaNotify? Notify,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<LavaAction> Actions);
