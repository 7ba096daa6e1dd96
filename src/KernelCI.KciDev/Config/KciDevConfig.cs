using Tomlyn;
using Tomlyn.Model;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Config;

/// <summary>The config file as upstream reads it (kci-dev.md §1): only the first file that exists counts, TOML with a
/// top-level `default_instance` (and optionally `dashboard_api`) and one table per instance.</summary>
public sealed record KciDevConfig(string? Path, string? DefaultInstance, string? DashboardApi, IReadOnlyDictionary<string, InstanceSettings> Instances)
{
    public const string DefaultDashboardApi = "https://dashboard.kernelci.org/api/";

    public static readonly KciDevConfig None = new(null, null, null, new Dictionary<string, InstanceSettings>());

    /// <summary>The files looked at, in order: `--settings` (default ./.kci-dev.toml), the user's, the system's.</summary>
    public static IEnumerable<string> Candidates(CliContext context, string? settings) =>
    [
        settings is null ? System.IO.Path.Combine(context.WorkingDirectory, ".kci-dev.toml") : System.IO.Path.GetFullPath(settings, context.WorkingDirectory),
        System.IO.Path.Combine(context.HomeDirectory, ".config", "kci-dev", "kci-dev.toml"),
        System.IO.Path.Combine(context.SystemConfigDirectory, "kci-dev.toml"),
    ];

    /// <summary>Loads the first existing candidate, or <see cref="None"/>. An explicit `--settings` that does not exist
    /// is an error rather than a silent fall-back to another file.</summary>
    public static KciDevConfig Load(CliContext context, string? settings)
    {
        var candidates = Candidates(context, settings).ToList();
        if (settings is not null && !File.Exists(candidates[0]))
        {
            throw new CliException($"--settings {settings}: no such file");
        }

        var path = candidates.FirstOrDefault(File.Exists);
        return path is null ? None : Parse(path, File.ReadAllText(path));
    }

    public static KciDevConfig Parse(string path, string text)
    {
        TomlTable table;
        try
        {
            table = TomlSerializer.Deserialize<TomlTable>(text)!;
        }
        catch (TomlException e)
        {
            throw new CliException($"{path}: not a valid TOML file: {FirstLine(e.Message)}");
        }

        var instances = new Dictionary<string, InstanceSettings>(StringComparer.Ordinal);
        foreach (var (name, value) in table)
        {
            if (value is TomlTable instance)
            {
                instances[name] = new InstanceSettings(name,
                    Text(path, name, instance, "pipeline"), Text(path, name, instance, "api"), Text(path, name, instance, "token"),
                    Text(path, name, instance, "dashboard_api"), Text(path, name, instance, "kcidb_rest_url"),
                    Text(path, name, instance, "kcidb_token"), Text(path, name, instance, "storage_url"),
                    Text(path, name, instance, "storage_token"));
            }
        }

        return new KciDevConfig(path, Text(path, null, table, "default_instance"), Text(path, null, table, "dashboard_api"), instances);
    }

    /// <summary>The instance named by `--instance`, or else by `default_instance`; null when there is none and
    /// <paramref name="required"/> is false (`results`, `submit`, `storage`, `mcp` need no config).</summary>
    public InstanceSettings? Instance(string? name, bool required)
    {
        var chosen = name ?? DefaultInstance;
        if (chosen is null)
        {
            return required
                ? throw new CliException(Path is null
                    ? "no config file: run `kci-dev config` or pass --settings FILE (kci-dev looks for ./.kci-dev.toml, ~/.config/kci-dev/kci-dev.toml, /etc/kci-dev.toml)"
                    : $"{Path}: no default_instance: set it or pass --instance NAME")
                : null;
        }

        if (Instances.TryGetValue(chosen, out var instance))
        {
            return instance;
        }

        // A default_instance that names no table is a broken file, even for commands that need no instance (upstream aborts too).
        throw new CliException(Path is null
            ? $"instance {chosen}: there is no config file"
            : $"instance {chosen}: not in {Path} (it has: {(Instances.Count == 0 ? "none" : string.Join(", ", Instances.Keys))})");
    }

    /// <summary>The dashboard API base: the instance's, else the file's top-level one, else upstream's public dashboard;
    /// always ending in `/` (kci-dev.md §1).</summary>
    public Uri DashboardApiUrl(InstanceSettings? instance)
    {
        var text = instance?.DashboardApi ?? DashboardApi ?? DefaultDashboardApi;
        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new CliException($"dashboard_api: not an http(s) URL: {text}");
        }

        return uri;
    }

    private static string? Text(string path, string? instance, TomlTable table, string key) => table.TryGetValue(key, out var value)
        ? value as string ?? throw new CliException($"{path}: {(instance is null ? "" : instance + ".")}{key} must be a string")
        : null;

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
