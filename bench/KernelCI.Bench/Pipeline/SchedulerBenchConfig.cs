using System.Text.Json.Nodes;
using KernelCI.Pipeline.Config;

namespace KernelCI.Bench.Pipeline;

/// <summary>A configuration of upstream's size: <c>jobs</c> test jobs on every one of <c>platforms</c> platforms after
/// one kbuild, each job with tree rules as upstream's have, plus as many entries on other kbuilds that never match.</summary>
internal static class SchedulerBenchConfig
{
    public const string Kbuild = "kbuild-gcc-x86";

    public static PipelineConfig Create(int jobs, int platforms)
    {
        var runtime = new RuntimeConfig("bench-lab", "bench", Rules.None, []);
        var platformConfigs = Enumerable.Range(0, platforms).Select(i => new PlatformConfig($"platform-{i}", "x86_64", "qemu", "qemu", null, [],
            null, [], new JsonObject { ["console"] = "ttyS0" }, Rules.None)).ToDictionary(p => p.Name);
        var jobConfigs = new Dictionary<string, JobConfig>
        {
            [Kbuild] = new(Kbuild, "kbuild", "kbuild.jinja2", null, new JsonObject { ["arch"] = "x86_64", ["defconfig"] = "tinyconfig" }, Rules.None),
        };
        var entries = new List<SchedulerEntry>();
        for (var i = 0; i < jobs; i++)
        {
            var rules = new Rules(new JsonObject { ["tree"] = new JsonArray("bench", "!android") });
            var job = new JobConfig($"job-{i}", "job", "generic.jinja2", null, new JsonObject { ["test_method"] = "baseline", ["job_timeout"] = 5 }, rules, "boot");
            jobConfigs[job.Name] = job;
            entries.Add(Entry(job.Name, Kbuild, platformConfigs.Keys.ToList()));
            entries.Add(Entry(job.Name, $"kbuild-other-{i}", platformConfigs.Keys.ToList()));
        }

        return new PipelineConfig
        {
            Trees = new Dictionary<string, TreeConfig> { ["bench"] = new("bench", "file:///bench") },
            Jobs = jobConfigs,
            Platforms = platformConfigs,
            Runtimes = new Dictionary<string, RuntimeConfig> { [runtime.Name] = runtime },
            Scheduler = entries,
        };
    }

    private static SchedulerEntry Entry(string job, string kbuild, IReadOnlyList<string> platforms) =>
        new(job, "node", new Dictionary<string, string> { ["kind"] = "kbuild", ["name"] = kbuild, ["state"] = "available", ["result"] = "pass" },
            "bench-lab", null, platforms, Rules.None);
}
