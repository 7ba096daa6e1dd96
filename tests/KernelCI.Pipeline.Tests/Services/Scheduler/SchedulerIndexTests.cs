using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Services.Scheduler;
using KernelCI.Pipeline.Tests.Config;

namespace KernelCI.Pipeline.Tests.Services.Scheduler;

public sealed class SchedulerIndexTests
{
    private static SchedulerIndex Index(PipelineOptions? options = null)
    {
        using var dir = new ConfigDirectory(("c.yaml", SchedulerConfigs.Base));
        var config = PipelineConfigLoader.Load(dir.Path);
        return new SchedulerIndex(config, new LoadedRuntimes(config, options ?? new PipelineOptions(), [new FakeRuntimeFactory()]));
    }

    private static string[] Jobs(SchedulerIndex index, params (string Key, string? Value)[] fields) =>
        index.Match("node", fields.ToDictionary(f => f.Key, f => f.Value)).Select(e => e.Job.Name).Order().ToArray();

    [Fact]
    public void Entry_matches_when_its_event_is_a_subset_of_the_top_level_fields() =>
        Assert.Equal(["kbuild-gcc-x86"], Jobs(Index(), ("op", "updated"), ("kind", "checkout"), ("name", "checkout"), ("state", "available"), ("result", "pass")));

    [Fact]
    public void Entry_with_a_name_and_result_needs_both() =>
        Assert.Equal(["baseline-x86", "kselftest-x86"], Jobs(Index(), ("kind", "kbuild"), ("name", "kbuild-gcc-x86"), ("state", "available"), ("result", "pass")));

    [Theory]
    [InlineData("kbuild", "kbuild-gcc-x86", "available", "fail")]
    [InlineData("kbuild", "kbuild-clang-x86", "available", "pass")]
    [InlineData("kbuild", "kbuild-gcc-x86", "done", "pass")]
    [InlineData("checkout", "checkout", "running", null)]
    public void Entry_does_not_match_other_field_values(string kind, string name, string state, string? result) =>
        Assert.Empty(Jobs(Index(), ("kind", kind), ("name", name), ("state", state), ("result", result)));

    [Fact]
    public void Entry_on_another_channel_does_not_match() =>
        Assert.Empty(Index().Match("retry", new Dictionary<string, string?> { ["kind"] = "checkout", ["state"] = "available" }));

    [Fact]
    public void Entries_whose_runtime_is_not_loaded_are_ignored()
    {
        var index = Index(new PipelineOptions { Runtimes = ["local-shell"] });

        // baseline-x86 names qemu-lab, not loaded; kselftest-x86 takes any loaded runtime of its type.
        Assert.Equal(["kselftest-x86"], Jobs(index, ("kind", "kbuild"), ("name", "kbuild-gcc-x86"), ("state", "available"), ("result", "pass")));
    }

    [Fact]
    public void Entry_without_platforms_runs_on_the_pseudo_platform_named_after_the_lab_type()
    {
        var entry = Index().Match("node", new Dictionary<string, string?> { ["kind"] = "checkout", ["state"] = "available" }).Single();

        Assert.Equal(["fake"], entry.Platforms.Select(p => p.Name));
    }
}
