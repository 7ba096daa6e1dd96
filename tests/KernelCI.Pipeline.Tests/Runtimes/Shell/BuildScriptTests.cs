using System.Text.Json.Nodes;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes;
using KernelCI.Pipeline.Runtimes.Shell;

namespace KernelCI.Pipeline.Tests.Runtimes.Shell;

public sealed class BuildScriptTests
{
    [Fact]
    public void Plan_reads_defconfig_lists_named_and_inline_fragments()
    {
        var plan = KbuildPlan.From(new JsonObject
        {
            ["arch"] = "x86_64", ["compiler"] = "gcc-12", ["defconfig"] = "x86_64_defconfig+kvm_guest.config",
            ["fragments"] = new JsonArray("qemu-serial", "CONFIG_DEBUG_INFO=n"),
            ["fragment_configs"] = new JsonObject { ["qemu-serial"] = new JsonArray("CONFIG_SERIAL_8250=y") },
        }, new PipelineConfig());

        Assert.Equal(["x86_64_defconfig", "kvm_guest.config"], plan.Defconfigs);
        Assert.Equal("x86_64_defconfig+kvm_guest.config+qemu-serial+CONFIG_DEBUG_INFO=n", plan.ConfigFull);
        Assert.Equal([["CONFIG_SERIAL_8250=y"], ["CONFIG_DEBUG_INFO=n"]], plan.FragmentFiles);
        Assert.Equal("bzimage", plan.KernelType);
    }

    [Fact]
    public void Unknown_fragment_is_rejected_naming_the_field()
    {
        var e = Assert.Throws<InvalidJobParamsException>(() => KbuildPlan.From(new JsonObject
        {
            ["arch"] = "x86_64", ["defconfig"] = "tinyconfig", ["fragments"] = new JsonArray("nope"),
        }, new PipelineConfig()));

        Assert.Contains("params.fragments", e.Message);
    }

    [Fact]
    public async Task Script_exits_with_the_stage_of_the_failing_step()
    {
        var plan = KbuildPlan.From(new JsonObject { ["arch"] = "x86_64", ["compiler"] = "gcc", ["defconfig"] = "tinyconfig" }, new PipelineConfig());
        var directory = Directory.CreateTempSubdirectory("kernelci-buildscript-").FullName;
        try
        {
            // No tarball: extraction fails before any compile step, so this is an infrastructure failure (2).
            var script = Path.Combine(directory, "build.sh");
            await File.WriteAllTextAsync(script, BuildScript.Render(plan, Path.Combine(directory, "missing.tar.gz"), Path.Combine(directory, "out")),
                TestContext.Current.CancellationToken);
            var rc = await ChildProcess.RunAsync("bash", [script], directory, Path.Combine(directory, "build.log"),
                TimeSpan.FromMinutes(1), TimeProvider.System, TestContext.Current.CancellationToken);

            Assert.Equal(2, rc);
            Assert.Contains("stage 2", await File.ReadAllTextAsync(Path.Combine(directory, "build.log"), TestContext.Current.CancellationToken));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Script_compiles_through_ccache_in_the_given_folder_when_ccache_is_installed()
    {
        var plan = KbuildPlan.From(new JsonObject { ["arch"] = "x86_64", ["compiler"] = "gcc", ["defconfig"] = "tinyconfig" }, new PipelineConfig());

        var script = BuildScript.Render(plan, "/w/linux.tarball", "/w/artifacts", "/data/pipeline/ccache");

        Assert.Contains("if command -v ccache >/dev/null 2>&1; then\n  export CCACHE_DIR='/data/pipeline/ccache'\n", script, StringComparison.Ordinal);
        Assert.Contains("  cc=\"ccache $cc\"\n", script, StringComparison.Ordinal);
        Assert.Contains("make_args=(\"CC=$cc\" 'ARCH=x86_64' 'HOSTCC=gcc')", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_without_a_ccache_folder_compiles_with_the_compiler_alone()
    {
        var plan = KbuildPlan.From(new JsonObject { ["arch"] = "arm64", ["compiler"] = "gcc", ["cross_compile"] = "aarch64-linux-gnu-", ["defconfig"] = "defconfig" },
            new PipelineConfig());

        var script = BuildScript.Render(plan, "/w/linux.tarball", "/w/artifacts");

        Assert.DoesNotContain("ccache", script, StringComparison.Ordinal);
        Assert.Contains("cc='aarch64-linux-gnu-gcc'\n", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_with_a_tree_syncs_the_source_by_content_never_by_archive_times_and_builds_out_of_tree()
    {
        var plan = KbuildPlan.From(new JsonObject { ["arch"] = "x86_64", ["compiler"] = "gcc", ["defconfig"] = "tinyconfig" }, new PipelineConfig());

        var script = BuildScript.Render(plan, "/w/linux.tarball", "/w/artifacts", "/data/pipeline/ccache", "/data/pipeline/kbuild-trees/0123");

        Assert.Contains("base='/data/pipeline/kbuild-trees/0123'\nsrcdir=\"$base/src\" objdir=\"$base/build\"\n", script, StringComparison.Ordinal);
        var sync = Assert.Single(script.Split('\n'), l => l.StartsWith("rsync ", StringComparison.Ordinal));
        Assert.Contains(" --checksum --delete ", sync, StringComparison.Ordinal);
        // -t or -a would copy tar's archive mtimes into the tree, and make could skip a changed file.
        Assert.DoesNotMatch(@"rsync -[a-z]*[at]", sync);
        Assert.Contains("kmake() { make -C \"$srcdir\" O=\"$objdir\" \"${make_args[@]}\" \"$@\"; }\n", script, StringComparison.Ordinal);
        Assert.Contains("export CCACHE_BASEDIR=\"$base\"", script, StringComparison.Ordinal);
        Assert.True(script.IndexOf("rsync ", StringComparison.Ordinal) < script.IndexOf("stage=1", StringComparison.Ordinal), "the sync is infrastructure (stage 2)");
    }

    [Fact]
    public void Script_with_a_tree_from_git_checks_out_with_its_own_index_and_never_reads_the_tarball()
    {
        var plan = KbuildPlan.From(new JsonObject { ["arch"] = "x86_64", ["compiler"] = "gcc", ["defconfig"] = "tinyconfig" }, new PipelineConfig());
        var commit = new string('a', 40);

        var script = BuildScript.Render(plan, "/w/linux.tarball", "/w/artifacts", "/data/pipeline/ccache", "/data/pipeline/kbuild-trees/0123",
            new GitSource("/data/pipeline/git/it's", commit));

        Assert.Contains("gitdir='/data/pipeline/git/it'\\''s/.git' commit='" + commit + "'\n", script, StringComparison.Ordinal);
        var checkout = Assert.Single(script.Split('\n'), l => l.Contains("read-tree", StringComparison.Ordinal));
        // Its own index: the cache's index, HEAD and refs stay the tarball service's.
        Assert.StartsWith("GIT_INDEX_FILE=\"$base/git-index\" git --git-dir=\"$gitdir\" --work-tree=\"$srcdir\" read-tree --reset -u", checkout, StringComparison.Ordinal);
        Assert.DoesNotContain("linux.tarball", script, StringComparison.Ordinal);
        Assert.DoesNotContain("rsync", script, StringComparison.Ordinal);
        Assert.True(script.IndexOf("read-tree", StringComparison.Ordinal) < script.IndexOf("stage=1", StringComparison.Ordinal), "the checkout is infrastructure (stage 2)");
    }

    [Fact]
    public void Tarball_sync_into_a_tree_drops_its_git_index()
    {
        var plan = KbuildPlan.From(new JsonObject { ["arch"] = "x86_64", ["compiler"] = "gcc", ["defconfig"] = "tinyconfig" }, new PipelineConfig());

        var script = BuildScript.Render(plan, "/w/linux.tarball", "/w/artifacts", null, "/data/pipeline/kbuild-trees/0123");

        Assert.Contains("rm -f \"$base/git-index\" \"$base/git-commit\"\n", script, StringComparison.Ordinal);
        Assert.True(script.IndexOf("git-index", StringComparison.Ordinal) < script.IndexOf("rsync ", StringComparison.Ordinal));
    }

    [Fact]
    public void Script_without_a_tree_builds_out_of_tree_in_the_job_folder()
    {
        var plan = KbuildPlan.From(new JsonObject { ["arch"] = "x86_64", ["compiler"] = "gcc", ["defconfig"] = "tinyconfig" }, new PipelineConfig());

        var script = BuildScript.Render(plan, "/w/linux.tarball", "/w/artifacts");

        Assert.Contains("base=\"$job\"\n", script, StringComparison.Ordinal);
        Assert.DoesNotContain("rsync", script, StringComparison.Ordinal);
        Assert.Contains("cp \"$objdir\"/arch/x86/boot/'bzImage' \"$artifacts/\"\n", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Identity_differs_by_tree_config_and_fragment_content()
    {
        JsonObject Params(string fragment) => new()
        {
            ["arch"] = "x86_64", ["defconfig"] = "tinyconfig", ["fragments"] = new JsonArray("f"),
            ["fragment_configs"] = new JsonObject { ["f"] = new JsonArray(fragment) },
        };
        var plan = KbuildPlan.From(Params("CONFIG_A=y"), new PipelineConfig());

        Assert.Equal(plan.Identity("https://git/linux"), KbuildPlan.From(Params("CONFIG_A=y"), new PipelineConfig()).Identity("https://git/linux"));
        Assert.NotEqual(plan.Identity("https://git/linux"), plan.Identity("https://git/next"));
        Assert.NotEqual(plan.Identity("https://git/linux"), KbuildPlan.From(Params("CONFIG_B=y"), new PipelineConfig()).Identity("https://git/linux"));
    }
}
