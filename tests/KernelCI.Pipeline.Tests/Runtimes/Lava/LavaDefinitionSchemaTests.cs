using System.Text.Json.Nodes;
using KernelCI.Pipeline.Runtimes.Lava;
using KernelCI.Pipeline.Runtimes.Lava.Definition;

namespace KernelCI.Pipeline.Tests.Runtimes.Lava;

/// <summary>Every definition we generate passes LAVA's own job schema (lava_common.schemas, strict).</summary>
public sealed class LavaDefinitionSchemaTests
{
    public static TheoryData<string> BootMethods => [.. BootActions.Methods];

    public static TheoryData<string, string> TftpBootsOverNfs => new()
    {
        { "u-boot", "nfs" }, { "barebox", "nfs" }, { "ipxe", "nfs" }, { "grub", "nfs" }, { "depthcharge", "nfs" },
    };

    [Theory]
    [MemberData(nameof(BootMethods))]
    public async Task Baseline_job_for_each_boot_method_passes_the_LAVA_schema(string bootMethod)
    {
        var yaml = Write(LavaRequests.Request(LavaRequests.Platform(bootMethod)));

        Valid(await LavaSchema.ErrorsAsync(yaml), yaml);
    }

    [Theory]
    [MemberData(nameof(TftpBootsOverNfs))]
    public async Task Nfs_boot_passes_the_LAVA_schema(string bootMethod, string commands)
    {
        var yaml = Write(LavaRequests.Request(LavaRequests.Platform(bootMethod), new JsonObject { ["boot_commands"] = commands }));

        Valid(await LavaSchema.ErrorsAsync(yaml), yaml);
    }

    [Theory]
    [InlineData("qemu")]
    [InlineData("u-boot")]
    [InlineData("fastboot")]
    public async Task Kselftest_job_passes_the_LAVA_schema(string bootMethod)
    {
        var yaml = Write(LavaRequests.Request(LavaRequests.Platform(bootMethod),
            new JsonObject { ["test_method"] = "kselftest", ["collections"] = "cpufreq", ["job_timeout"] = 30 }));

        Valid(await LavaSchema.ErrorsAsync(yaml), yaml);
    }

    [Fact]
    public async Task Ltp_job_passes_the_LAVA_schema()
    {
        var yaml = Write(LavaRequests.Request(LavaRequests.Platform("depthcharge"),
            new JsonObject { ["test_method"] = "ltp", ["tst_cmdfiles"] = "syscalls", ["skipfile"] = "skipfile-lkft.yaml" }));

        Valid(await LavaSchema.ErrorsAsync(yaml), yaml);
    }

    [Fact]
    public async Task Our_commands_tests_pass_the_LAVA_schema()
    {
        var tests = new JsonArray(new JsonObject { ["name"] = "uname", ["run"] = "uname -a" },
            new JsonObject { ["name"] = "quoted", ["run"] = "test \"$(echo 'x')\" = x" });
        var yaml = Write(LavaRequests.Request(LavaRequests.Platform("qemu", "x86_64"), new JsonObject { ["test_method"] = "commands", ["tests"] = tests }));

        Valid(await LavaSchema.ErrorsAsync(yaml), yaml);
    }

    [Fact]
    public async Task Context_and_extra_kernel_args_pass_the_LAVA_schema()
    {
        var platform = LavaRequests.Platform("qemu", "x86_64", new JsonObject { ["arch"] = "x86_64", ["no_kvm"] = true, ["memory"] = 1024 });
        var yaml = Write(LavaRequests.Request(platform, new JsonObject { ["extra_kernel_args"] = "rdinit=/init" }));

        Valid(await LavaSchema.ErrorsAsync(yaml), yaml);
    }

    [Fact]
    public async Task Schema_check_refuses_a_definition_LAVA_refuses()
    {
        var yaml = Write(LavaRequests.Request(LavaRequests.Platform("qemu"))).Replace("visibility: public", "visibility: everyone", StringComparison.Ordinal);

        Assert.NotNull(await LavaSchema.ErrorsAsync(yaml));
    }

    private static void Valid(string? errors, string yaml) => Assert.True(errors is null, $"{errors}\n{yaml}");

    internal static string Write(Pipeline.Runtimes.JobRequest request) =>
        LavaYaml.Write(new LavaJobBuilder(LavaRequests.Lab(), "staging", "https://pipeline.example.org/").Build(request, null));
}
