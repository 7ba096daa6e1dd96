using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Tests.Config;

/// <summary>Upstream's own configuration files (kernelci-pipeline e81bdeb config/, all of them, copied without edits)
/// load. Upstream's scheduler.yaml names a runtime, lava-kci-qualcomm, that no file defines (production defines it in
/// its own deployment files), so the full set loads with a site directory that defines it, as a deployment does.</summary>
public sealed class UpstreamConfigTests
{
    private static readonly string Upstream = Path.Combine(AppContext.BaseDirectory, "Configs", "upstream");

    private static readonly Lazy<PipelineConfig> Config = new(() =>
    {
        using var site = new ConfigDirectory(("runtimes.yaml", "runtimes: {lava-kci-qualcomm: {lab_type: lava, url: 'https://lava.example/'}}"));
        return PipelineConfigLoader.Load([Upstream, site.Path]);
    });

    [Fact]
    public void Upstream_files_alone_fail_on_their_undefined_runtime()
    {
        var error = Assert.Throws<PipelineConfigException>(() => PipelineConfigLoader.Load(Upstream));

        Assert.Equal("scheduler.yaml", error.File);
        Assert.Equal("scheduler[24].runtime.name", error.Key);
        Assert.Contains("lava-kci-qualcomm", error.Message);
    }

    [Fact]
    public void Upstream_files_load_with_every_section()
    {
        var config = Config.Value;

        Assert.Equal("https://staging.kernelci.org:9000", config.Api["staging"].Url);
        Assert.Equal("latest", config.Api["staging"].Version);
        Assert.Equal(60, config.Api["staging"].Timeout);
        Assert.Equal("backend", config.Storage["kci-storage"].StorageType);
        Assert.Equal("https://files.kernelci.org/", config.Storage["kci-storage-production"].BaseUrl);
        Assert.Equal("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git", config.Trees["mainline"].Url);
        Assert.Equal(("mainline", "master", "high"), (config.BuildConfigs["mainline"].Tree, config.BuildConfigs["mainline"].Branch, config.BuildConfigs["mainline"].Priority));
        Assert.Contains("CONFIG_DRM_AMDGPU=y", config.Fragments["amdgpu"].Configs);
        Assert.Equal("kernel/configs/amdgpu.config", config.Fragments["amdgpu"].Path);
        Assert.Contains("{brarch}", config.Rootfs["buildroot-baseline"].Ramdisk);
        Assert.True(config.Scheduler.Count > 500);
    }

    [Fact]
    public void Upstream_merge_keys_give_jobs_their_template_fields()
    {
        var job = Config.Value.Jobs["kbuild-gcc-14-arm64"];

        Assert.Equal("kbuild", job.Kind);
        Assert.Equal("kbuild.jinja2", job.Template);
        Assert.Equal("high", job.Priority);
        Assert.Equal("arm64", job.Params["arch"]!.ToString());
        Assert.Equal("aarch64-linux-gnu-", job.Params["cross_compile"]!.ToString());
        Assert.Contains("!android", job.Rules.Raw["tree"]!.AsArray().Select(t => t!.ToString()));
    }

    [Fact]
    public void Upstream_platforms_get_defaults_and_merged_anchor_fields()
    {
        var platforms = Config.Value.Platforms;

        Assert.Equal(("arm", "u-boot", "marvell"), (platforms["armada-388-clearfog-pro"].Arch, platforms["armada-388-clearfog-pro"].BootMethod, platforms["armada-388-clearfog-pro"].Mach));
        Assert.Equal("dtbs/armada-388-clearfog-pro.dtb", platforms["armada-388-clearfog-pro"].Dtb);
        Assert.Equal(("x86_64", "grub", "x86"), (platforms["aaeon-UPN-EHLX4RE-A10-0864"].Arch, platforms["aaeon-UPN-EHLX4RE-A10-0864"].BootMethod, platforms["aaeon-UPN-EHLX4RE-A10-0864"].Mach));
    }

    [Fact]
    public void Upstream_scheduler_entries_keep_event_runtime_and_platforms()
    {
        var entry = Config.Value.Scheduler.First(e => e.Job == "baseline-arm" && e.RuntimeName == "lava-collabora" && e.Event.GetValueOrDefault("name") == "kbuild-gcc-14-arm");

        Assert.Equal("node", entry.Channel);
        Assert.Equal("kbuild", entry.Event["kind"]);
        Assert.Equal("available", entry.Event["state"]);
        Assert.Equal("kbuild-gcc-14-arm", entry.Event["name"]);
        Assert.Equal(("lava-collabora", "lava"), (entry.RuntimeName, entry.RuntimeType));
        Assert.Equal(["imx6q-sabrelite", "qemu-arm"], entry.Platforms);
    }

    [Fact]
    public void Upstream_runtimes_keep_lab_settings_and_rules()
    {
        var runtime = Config.Value.Runtimes["lava-broonie"];

        Assert.Equal("lava", runtime.LabType);
        Assert.Equal("https://lava.sirena.org.uk/", runtime.Settings["url"]!.ToString());
        Assert.Equal(49L, (long)runtime.Settings["priority_max"]!);
        Assert.Equal("kernelci-new-api-callback", runtime.Settings["notify"]!["callback"]!["token"]!.ToString());
        Assert.Equal("!android", runtime.Rules.Raw["tree"]![0]!.ToString());
        Assert.Equal("kubernetes", Config.Value.Runtimes["k8s-all"].LabType);
    }
}
