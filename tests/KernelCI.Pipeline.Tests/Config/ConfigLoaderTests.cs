using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Tests.Config;

public sealed class ConfigLoaderTests
{
    private const string Base = """
        trees: {local: {url: 'file:///srv/linux'}}
        build_configs: {local-main: {tree: local, branch: main}}
        fragments: {qemu-serial: {path: kernel/configs/qemu-serial.config, configs: [CONFIG_SERIAL_8250=y]}}
        jobs:
          kbuild-gcc-x86: {template: kbuild.jinja2, kind: kbuild, params: {arch: x86_64, defconfig: tinyconfig, fragments: [qemu-serial]}}
          baseline-x86: {template: baseline.jinja2, kind: job, kcidb_test_suite: boot}
        platforms: {qemu-x86_64: {arch: x86_64, boot_method: qemu, mach: qemu}}
        runtimes: {local-shell: {lab_type: shell}}
        scheduler:
          - {job: kbuild-gcc-x86, event: {channel: node, kind: checkout, state: available}, runtime: {name: local-shell}}
        """;

    [Fact]
    public void Files_load_in_sorted_order_and_a_later_entry_replaces_an_earlier_one()
    {
        using var dir = new ConfigDirectory(("a.yaml", Base), ("b/trees.yaml", "trees: {local: {url: 'file:///other'}, extra: {url: 'https://x/y.git'}}"));

        var config = PipelineConfigLoader.Load(dir.Path);

        Assert.Equal("file:///other", config.Trees["local"].Url);
        Assert.Equal("https://x/y.git", config.Trees["extra"].Url);
    }

    /// <summary>Indexes in scheduler keys count within the file named, so the key leads to the line.</summary>
    [Fact]
    public void Scheduler_lists_from_several_files_are_concatenated()
    {
        using var dir = new ConfigDirectory(("a.yaml", Base), ("z.yaml", """
            scheduler:
              - {job: baseline-x86, event: {channel: node, kind: kbuild, state: available}, runtime: {type: shell}}
            """));

        var config = PipelineConfigLoader.Load(dir.Path);

        Assert.Equal(["kbuild-gcc-x86", "baseline-x86"], config.Scheduler.Select(e => e.Job));
        Assert.Equal("shell", config.Scheduler[1].RuntimeType);
    }

    [Fact]
    public void Anchors_aliases_and_merge_keys_resolve_with_explicit_keys_winning()
    {
        using var dir = new ConfigDirectory(("a.yaml", Base), ("p.yaml", """
            _anchors:
              arm-device: &arm-device {arch: arm, boot_method: u-boot, mach: broadcom}
            platforms:
              rpi: {<<: *arm-device, mach: raspberry}
              rpi-copy: *arm-device
            """));

        var platforms = PipelineConfigLoader.Load(dir.Path).Platforms;

        Assert.Equal(("arm", "u-boot", "raspberry"), (platforms["rpi"].Arch, platforms["rpi"].BootMethod, platforms["rpi"].Mach));
        Assert.Equal("broadcom", platforms["rpi-copy"].Mach);
    }

    [Fact]
    public void Defaults_follow_upstream()
    {
        using var dir = new ConfigDirectory(("a.yaml", Base), ("b.yaml", "api: {local: {url: 'http://127.0.0.1:8001'}}\nplatforms: {kubernetes: }\n"));

        var config = PipelineConfigLoader.Load(dir.Path);

        Assert.Equal(("latest", 60), (config.Api["local"].Version, config.Api["local"].Timeout));
        Assert.Equal(("x86_64", "grub", "x86"), (config.Platforms["kubernetes"].Arch, config.Platforms["kubernetes"].BootMethod, config.Platforms["kubernetes"].Mach));
    }

    [Theory]
    [InlineData("1d", 24 * 60)]
    [InlineData("12h", 12 * 60)]
    [InlineData("1d6h30m", 30 * 60 + 30)]
    [InlineData("1m", 1)]
    public void Frequency_is_parsed_into_minutes(string text, int minutes)
    {
        using var dir = new ConfigDirectory(("a.yaml", Base.Replace("branch: main}", $"branch: main, frequency: {text}}}")));

        Assert.Equal(TimeSpan.FromMinutes(minutes), PipelineConfigLoader.Load(dir.Path).BuildConfigs["local-main"].Frequency);
    }

    [Theory]
    [InlineData("b.yaml", "device_types: {x: {}}", "device_types", "legacy")]
    [InlineData("b.yaml", "test_configs: []", "test_configs", "legacy")]
    [InlineData("b.yaml", "labs: {x: {}}", "labs", "unknown top-level key")]
    [InlineData("b.yaml", "jobs: {j: {kind: job, template: t, colour: red}}", "jobs.j.colour", "unknown key")]
    [InlineData("b.yaml", "jobs: {j: {kind: build}}", "jobs.j.kind", "not one of")]
    [InlineData("b.yaml", "jobs: {j: {kind: job, params: [1]}}", "jobs.j.params", "expected a mapping")]
    [InlineData("b.yaml", "jobs: {j: {kind: job, rules: {tree: {a: 1}}}}", "jobs.j.rules.tree", "expected a string or a list")]
    [InlineData("b.yaml", "jobs: {j: {kind: job, rules: {min_version: {version: six}}}}", "jobs.j.rules.min_version.version", "expected an integer")]
    [InlineData("b.yaml", "jobs: {j: {kind: kbuild, params: {frequency: 30s}}}", "jobs.j.params.frequency", "not a frequency")]
    [InlineData("b.yaml", "trees: {t: {url: u, branch: main}}", "trees.t.branch", "unknown key")]
    [InlineData("b.yaml", "trees: {t: {}}", "trees.t.url", "is required")]
    [InlineData("b.yaml", "api: {a: {url: u, timeout: soon}}", "api.a.timeout", "expected an integer")]
    [InlineData("b.yaml", "platforms: {p: {arch: [arm]}}", "platforms.p.arch", "expected a string")]
    [InlineData("b.yaml", "runtimes: {r: {url: u}}", "runtimes.r.lab_type", "is required")]
    [InlineData("b.yaml", "runtimes: {r: {lab_type: lava, priority_min: high}}", "runtimes.r.priority_min", "expected an integer")]
    [InlineData("b.yaml", "runtimes: {r: {lab_type: lava, priority: urgent}}", "runtimes.r.priority", "neither an integer nor one of low, medium, high")]
    [InlineData("b.yaml", "runtimes: {r: {lab_type: lava, priority: High}}", "runtimes.r.priority", "neither an integer nor one of low, medium, high")]
    [InlineData("b.yaml", "runtimes: {r: {lab_type: lava, priority: 45.5}}", "runtimes.r.priority", "neither an integer nor one of low, medium, high")]
    [InlineData("b.yaml", "runtimes: {r: {lab_type: pull_labs, priority: [1]}}", "runtimes.r.priority", "expected a string")]
    [InlineData("b.yaml", "build_configs: {b: {tree: local, branch: m, frequency: 59s}}", "build_configs.b.frequency", "not a frequency")]
    [InlineData("b.yaml", "build_configs: {b: {tree: local, branch: m, frequency: 0m}}", "build_configs.b.frequency", "shorter than 60 s")]
    [InlineData("b.yaml", "build_configs: {b: {tree: nowhere, branch: m}}", "build_configs.b.tree", "not defined in trees")]
    [InlineData("b.yaml", "jobs: {k: {kind: kbuild, params: {fragments: [missing]}}}", "jobs.k.params.fragments", "fragment 'missing'")]
    [InlineData("b.yaml", "jobs: {k: {kind: job, params: {rootfs_ref: nothing}}}", "jobs.k.params.rootfs_ref", "not defined in rootfs")]
    [InlineData("b.yaml", "scheduler: [{job: nope, event: {channel: node}, runtime: {name: local-shell}}]", "scheduler[0].job", "not defined in jobs")]
    [InlineData("b.yaml", "scheduler: [{job: baseline-x86, event: {channel: node}, runtime: {name: lab}}]", "scheduler[0].runtime.name", "not defined in runtimes")]
    [InlineData("b.yaml", "scheduler: [{job: baseline-x86, event: {channel: node}, runtime: {name: local-shell}, platforms: [rpi]}]", "scheduler[0].platforms", "platform 'rpi'")]
    [InlineData("b.yaml", "scheduler: [{job: baseline-x86, event: {kind: job}, runtime: {name: local-shell}}]", "scheduler[0].event.channel", "is required")]
    [InlineData("b.yaml", "scheduler: [{job: baseline-x86, event: {channel: node}, runtime: {}}]", "scheduler[0].runtime", "needs a name or a type")]
    [InlineData("b.yaml", "scheduler: [{job: baseline-x86, event: {channel: node}, runtime: {name: local-shell}, when: now}]", "scheduler[0].when", "unknown key")]
    public void Invalid_configuration_names_file_and_key(string file, string yaml, string key, string problem)
    {
        using var dir = new ConfigDirectory(("a.yaml", Base), (file, yaml));

        var error = Assert.Throws<PipelineConfigException>(() => PipelineConfigLoader.Load(dir.Path));

        Assert.Equal((file, key), (error.File, error.Key));
        Assert.Contains(problem, error.Message);
    }

    [Theory]
    [InlineData("low", 0)]
    [InlineData("medium", 50)]
    [InlineData("high", 100)]
    [InlineData("45", 45)]
    public void Lab_priority_takes_upstreams_level_names_with_upstreams_values(string priority, int percent)
    {
        using var dir = new ConfigDirectory(("a.yaml", Base), ("b.yaml", $"runtimes: {{r: {{lab_type: lava, url: 'https://lava.example.org/', priority: {priority}}}}}"));

        var runtime = PipelineConfigLoader.Load(dir.Path).Runtimes["r"];
        List<string> errors = [];
        var lab = KernelCI.Pipeline.Runtimes.Lava.LavaLabSettings.Read(runtime, errors);

        Assert.Empty(errors);
        Assert.Equal(percent, lab.Priority);
    }

    [Fact]
    public void Invalid_yaml_names_the_file()
    {
        using var dir = new ConfigDirectory(("a.yaml", Base), ("sub/bad.yaml", "jobs: {a: [}"));

        var error = Assert.Throws<PipelineConfigException>(() => PipelineConfigLoader.Load(dir.Path));

        Assert.Equal("sub/bad.yaml", error.File);
    }

    [Fact]
    public void Inline_config_lines_and_remote_fragments_need_no_definition()
    {
        using var dir = new ConfigDirectory(("a.yaml", Base), ("b.yaml",
            "jobs: {k: {kind: kbuild, params: {fragments: [qemu-serial, CONFIG_X=y, 'cip://6.1.y-cip/arm/cip_merged_defconfig', 'cros://chromeos-6.6/x86_64/chromeos-intel-pineview.flavour.config']}}}"));

        Assert.Equal(4, PipelineConfigLoader.Load(dir.Path).Jobs["k"].Params["fragments"]!.AsArray().Count);
    }
}
