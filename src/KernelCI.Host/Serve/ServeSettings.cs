using System.Net;

namespace KernelCI.Host.Serve;

/// <summary>The flags of `kernelci serve`.</summary>
internal sealed record ServeSettings(string DataDir, string? Database, string? ConfigFile, string Listen, int BasePort, string[] Only, string? PipelineConfig = null)
{
    public bool Runs(string component) => Only.Length == 0 || Only.Contains(component, StringComparer.OrdinalIgnoreCase);

    /// <summary>What is wrong with the flags (a usage error), or null; <paramref name="components"/> are the names
    /// `--only` may give.</summary>
    public string? Problem(IReadOnlyList<string> components)
    {
        if (!IPAddress.TryParse(Listen, out _) && Listen != "localhost")
        {
            return $"--listen: '{Listen}' is not an IP address";
        }

        if (ConfigFile is not null && !File.Exists(ConfigFile))
        {
            return $"--config: file '{ConfigFile}' does not exist";
        }

        if (Only.FirstOrDefault(n => !components.Contains(n, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            return $"--only: no component named {unknown}; known: {string.Join(", ", components)}";
        }

        return PipelineConfig is not null && !Directory.Exists(PipelineConfig)
            ? $"--pipeline-config: directory '{PipelineConfig}' does not exist"
            : null;
    }

    /// <summary>Configuration keys set by flags, over the --config file's: --pipeline-config is Pipeline:ConfigDirectory.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Configuration() =>
        PipelineConfig is null ? [] : [new("Pipeline:ConfigDirectory", Path.GetFullPath(PipelineConfig))];
}
