using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Runtimes.Lava;

/// <summary>What the boot and test actions read from a job request: its params (platform, then job, as upstream's
/// templates see them), the artifacts inherited from its build and the build's fields on the node.</summary>
internal sealed class LavaJobInputs(JobRequest request)
{
    public JobRequest Request => request;

    public string? Param(string name) => request.Params[name] is JsonValue value ? value.ToString() : null;

    public JsonNode? Node(string name) => request.Params[name];

    public string Required(string name) =>
        Param(name) ?? throw new InvalidJobParamsException($"job '{request.Job.Name}' on {request.Platform.Name} needs params.{name}");

    public string Artifact(string name) =>
        request.Artifacts.TryGetValue(name, out var url) ? url
            : throw new InvalidJobParamsException($"job '{request.Job.Name}' needs the build artifact '{name}'");

    public string? OptionalArtifact(string name) => request.Artifacts.GetValueOrDefault(name);

    public string KernelType => request.Node.Data["kernel_type"]?.ToString() ?? Param("kernel_type") ?? "bzimage";

    public string ConfigFull => request.Node.Data["config_full"]?.ToString() ?? "";

    public bool Coverage => ConfigFull.Contains("coverage", StringComparison.Ordinal);

    public string? Dtb => request.Artifacts.GetValueOrDefault("dtb") is { } url ? url : null;

    /// <summary>`nfs` to boot an NFS root, else a ramdisk (the templates' `boot_commands`).</summary>
    public string BootCommands => Param("boot_commands") is { Length: > 0 } commands ? commands : "ramdisk";

    public int? JobTimeoutMinutes => int.TryParse(Param("job_timeout"), out var minutes) ? minutes : null;
}
