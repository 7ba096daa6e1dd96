namespace KernelCI.Pipeline.Config;

/// <summary>Cross-section references that must resolve: an error names the file and key of the reference.</summary>
internal static class ConfigReferences
{
    public static void Check(PipelineConfig config, RawConfig raw)
    {
        foreach (var (name, build) in config.BuildConfigs)
        {
            if (!config.Trees.ContainsKey(build.Tree))
            {
                Fail(raw, "build_configs", name, "tree", $"tree '{build.Tree}' is not defined in trees");
            }
        }

        foreach (var (name, job) in config.Jobs)
        {
            CheckJob(config, raw, name, job);
        }

        for (var i = 0; i < config.Scheduler.Count; i++)
        {
            var entry = config.Scheduler[i];
            var source = raw.Scheduler[i];
            if (!config.Jobs.ContainsKey(entry.Job))
            {
                throw new PipelineConfigException(source.File, $"{source.Key}.job", $"job '{entry.Job}' is not defined in jobs");
            }

            if (entry.RuntimeName is { } runtime && !config.Runtimes.ContainsKey(runtime))
            {
                throw new PipelineConfigException(source.File, $"{source.Key}.runtime.name", $"runtime '{runtime}' is not defined in runtimes");
            }

            foreach (var platform in entry.Platforms ?? [])
            {
                if (!config.Platforms.ContainsKey(platform))
                {
                    throw new PipelineConfigException(source.File, $"{source.Key}.platforms", $"platform '{platform}' is not defined in platforms");
                }
            }
        }
    }

    /// <summary>Fragment names must be defined, except inline `CONFIG_…` lines and `cros://`/`cip://` sources.</summary>
    public static bool IsInlineFragment(string fragment) =>
        fragment.StartsWith("CONFIG_", StringComparison.Ordinal) || fragment.Contains("://", StringComparison.Ordinal);

    private static void CheckJob(PipelineConfig config, RawConfig raw, string name, JobConfig job)
    {
        if (job.Params["fragments"] is System.Text.Json.Nodes.JsonArray fragments)
        {
            foreach (var fragment in fragments.Select(f => f?.ToString() ?? ""))
            {
                if (!IsInlineFragment(fragment) && !config.Fragments.ContainsKey(fragment))
                {
                    Fail(raw, "jobs", name, "params.fragments", $"fragment '{fragment}' is not defined in fragments");
                }
            }
        }

        if (job.Params["rootfs_ref"]?.ToString() is { } rootfs && !config.Rootfs.ContainsKey(rootfs))
        {
            Fail(raw, "jobs", name, "params.rootfs_ref", $"rootfs '{rootfs}' is not defined in rootfs");
        }
    }

    private static void Fail(RawConfig raw, string section, string name, string field, string problem)
    {
        var entry = raw.Mappings[section][name];
        throw new PipelineConfigException(entry.File, $"{entry.Key}.{field}", problem);
    }
}
