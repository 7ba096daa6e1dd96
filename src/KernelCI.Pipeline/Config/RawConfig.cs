using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Config;

/// <summary>The merged YAML before typing: for mapping sections, each entry with the file it last came from (a later
/// file's entry of the same name replaces it, as Python's dict.update does); `scheduler:` lists are concatenated.</summary>
internal sealed class RawConfig
{
    public const string SchedulerSection = "scheduler";

    /// <summary>Sections read into the typed configuration.</summary>
    public static readonly string[] Sections =
        ["api", "storage", "trees", "build_configs", "fragments", "rootfs", "jobs", "platforms", "runtimes"];

    /// <summary>Top-level keys that upstream's files carry but that no service here reads: YAML anchors and the
    /// legacy kernelci-core build settings in upstream's trees.yaml.</summary>
    private static readonly string[] Ignored = ["_anchors", "build_environments", "build_variants"];

    private static readonly string[] Legacy = ["device_types", "test_plans", "test_configs"];

    public Dictionary<string, Dictionary<string, RawEntry>> Mappings { get; } = Sections.ToDictionary(s => s, _ => new Dictionary<string, RawEntry>());

    public List<RawEntry> Scheduler { get; } = [];

    public void Add(string file, JsonObject document)
    {
        foreach (var (section, value) in document)
        {
            if (Ignored.Contains(section))
            {
                continue;
            }

            if (Legacy.Contains(section))
            {
                throw new PipelineConfigException(file, section, "legacy section, replaced by platforms, jobs and scheduler");
            }

            if (section == SchedulerSection)
            {
                AddScheduler(file, value);
                continue;
            }

            if (!Mappings.TryGetValue(section, out var entries))
            {
                throw new PipelineConfigException(file, section, "unknown top-level key");
            }

            if (value is null)
            {
                continue;
            }

            if (value is not JsonObject mapping)
            {
                throw new PipelineConfigException(file, section, $"expected a mapping, got {EntryReader.Kind(value)}");
            }

            foreach (var (name, entry) in mapping)
            {
                entries[name] = new RawEntry(file, $"{section}.{name}", name, entry);
            }
        }
    }

    private void AddScheduler(string file, JsonNode? value)
    {
        if (value is null)
        {
            return;
        }

        if (value is not JsonArray list)
        {
            throw new PipelineConfigException(file, SchedulerSection, $"expected a list, got {EntryReader.Kind(value)}");
        }

        var index = 0;
        foreach (var entry in list)
        {
            Scheduler.Add(new RawEntry(file, $"{SchedulerSection}[{index++}]", "", entry));
        }
    }
}
