using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes;
using KernelCI.Pipeline.Runtimes.Lava;

namespace KernelCI.Pipeline.Tests.Runtimes.Lava;

/// <summary>Job requests as the scheduler builds them for a LAVA lab: a job node under a kbuild, on a platform with a
/// given boot method, with the kbuild's artifacts.</summary>
internal static class LavaRequests
{
    public static readonly Dictionary<string, string> Artifacts = new()
    {
        ["kernel"] = "https://files.example.org/kbuild-1/Image",
        ["modules"] = "https://files.example.org/kbuild-1/modules.tar.xz",
        ["dtb"] = "https://files.example.org/kbuild-1/dtbs/rockchip/rk3399-gru-kevin.dtb",
        ["kselftest_tar_xz"] = "https://files.example.org/kbuild-1/kselftest.tar.xz",
    };

    public static LavaLabSettings Lab(string? notifyToken = "kernelci-callback", int? min = null, int? max = null, int? priority = null) =>
        new("lava-test", new Uri("https://lava.example.org/"), priority, min, max, 50, 2.0, false, "lava-test.runtime_token", "lava-test.callback_token",
            notifyToken is null ? null : new LavaNotifySettings(notifyToken, "json", "all", "POST", null));

    public static PlatformConfig Platform(string bootMethod, string arch = "arm64", JsonObject? context = null, JsonObject? extra = null) =>
        new($"board-{bootMethod}", arch, bootMethod, "rockchip", "dtbs/rockchip/rk3399-gru-kevin.dtb", [], null, context ?? [], [], Rules.None,
            extra ?? new JsonObject { ["flash_image"] = "https://images.example.org/flash/disk.img" });

    public static JobRequest Request(PlatformConfig platform, JsonObject? parameters = null, string submitter = "service:pipeline",
        string kernelType = "image", string configFull = "defconfig")
    {
        var node = new MaestroNode
        {
            Id = "6655aa0011223344",
            Kind = "job",
            Name = "baseline-arm64",
            Submitter = submitter,
            Data = new JsonObject
            {
                ["kernel_revision"] = new JsonObject { ["tree"] = "mainline", ["branch"] = "master", ["describe"] = "v6.9-rc1" },
                ["kernel_type"] = kernelType,
                ["config_full"] = configFull,
            },
        };
        var merged = new JsonObject
        {
            ["ramdisk"] = "https://images.example.org/rootfs/initrd.cpio.gz",
            ["nfsroot"] = "https://images.example.org/rootfs/bookworm",
            ["ramdiskroot"] = "https://images.example.org/rootfs/bookworm-kselftest",
        };
        foreach (var (key, value) in parameters ?? [])
        {
            merged[key] = value?.DeepClone();
        }

        var job = new JobConfig("baseline-arm64", "job", "baseline.jinja2", null, [], Rules.None);
        return new JobRequest(node, job, platform, merged, Artifacts);
    }
}
