namespace KernelCI.Pipeline.Config;

/// <summary>Loads a configuration directory the way upstream does: every *.yaml below it, top-level mappings merged
/// and lists extended; unknown keys and dangling references are errors naming the file and the key.</summary>
public static class PipelineConfigLoader
{
    public static PipelineConfig Load(string directory) => Load([directory]);

    /// <summary>Several directories, as upstream's `--yaml-config` list: a later directory's entries win. A site's
    /// own directory (its runtimes, credentials' names) usually comes after the shared one.</summary>
    public static PipelineConfig Load(IReadOnlyList<string> directories)
    {
        var raw = new RawConfig();
        foreach (var directory in directories)
        {
            if (!Directory.Exists(directory))
            {
                throw new PipelineConfigException(directory, "(directory)", "configuration directory not found");
            }

            var files = Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories)
                .Select(path => (path, name: Path.GetRelativePath(directory, path).Replace('\\', '/')))
                .OrderBy(f => f.name, StringComparer.Ordinal);
            foreach (var (path, name) in files)
            {
                var display = directories.Count == 1 ? name : path;
                raw.Add(display, YamlToJson.ReadFile(path, display));
            }
        }

        return Build(raw);
    }

    private static PipelineConfig Build(RawConfig raw)
    {
        var config = new PipelineConfig
        {
            Api = Section(raw, "api", SectionParsers.Api),
            Storage = Section(raw, "storage", SectionParsers.Storage),
            Trees = Section(raw, "trees", SectionParsers.Tree),
            BuildConfigs = Section(raw, "build_configs", SectionParsers.Build),
            Fragments = Section(raw, "fragments", SectionParsers.Fragment),
            Rootfs = Section(raw, "rootfs", SectionParsers.Rootfs),
            Jobs = Section(raw, "jobs", JobParsers.Job),
            Platforms = Section(raw, "platforms", JobParsers.Platform),
            Runtimes = Section(raw, "runtimes", JobParsers.Runtime),
            Scheduler = raw.Scheduler.Select(SchedulerEntryParser.Parse).ToList(),
        };
        ConfigReferences.Check(config, raw);
        return config;
    }

    private static Dictionary<string, T> Section<T>(RawConfig raw, string section, Func<RawEntry, T> parse) =>
        raw.Mappings[section].ToDictionary(e => e.Key, e => parse(e.Value), StringComparer.Ordinal);
}
