using System.Text.Json.Nodes;
using KernelCI.Pipeline.Runtimes;
using KernelCI.Pipeline.Runtimes.Lava;
using KernelCI.Pipeline.Runtimes.Lava.Definition;

namespace KernelCI.Pipeline.Tests.Runtimes.Lava;

public sealed class LavaJobBuilderTests
{
    private static readonly LavaJobBuilder Builder = new(LavaRequests.Lab(), "staging", "https://pipeline.example.org/");

    [Fact]
    public void Job_name_is_instance_node_name_and_describe()
    {
        var job = Builder.Build(LavaRequests.Request(LavaRequests.Platform("qemu")), null);

        Assert.Equal("[staging] 6655aa0011223344 baseline-arm64 v6.9-rc1", job.JobName);
        Assert.Equal("public", job.Visibility);
        Assert.Equal("6655aa0011223344", job.Metadata["node_id"]);
    }

    [Fact]
    public void Callback_goes_to_the_instance_with_the_token_description()
    {
        var job = Builder.Build(LavaRequests.Request(LavaRequests.Platform("qemu")), null);

        Assert.Equal(new LavaCallback("json", "all", "POST", "kernelci-callback", "https://pipeline.example.org/node/6655aa0011223344"), job.Notify!.Callback);
        Assert.Equal("finished", job.Notify.Criteria.Status);
    }

    [Fact]
    public void Lab_without_notify_asks_for_no_callback() =>
        Assert.Null(new LavaJobBuilder(LavaRequests.Lab(notifyToken: null), "staging", null).Build(LavaRequests.Request(LavaRequests.Platform("qemu")), null).Notify);

    [Theory]
    [InlineData(null, "defconfig", 30)]
    [InlineData(10, "defconfig", 30)]
    [InlineData(40, "defconfig", 55)]
    [InlineData(40, "defconfig+coverage", 85)]
    public void Job_timeout_is_15_minutes_beyond_the_test_timeout(int? jobTimeout, string configFull, int minutes)
    {
        var parameters = jobTimeout is { } t ? new JsonObject { ["job_timeout"] = t } : null;
        var job = Builder.Build(LavaRequests.Request(LavaRequests.Platform("qemu"), parameters, configFull: configFull), null);

        Assert.Equal(minutes, job.Timeouts.Job.Minutes);
        Assert.Equal(10, job.Timeouts.Action.Minutes);
        Assert.Equal(2, job.Timeouts.Queue.Days);
    }

    [Fact]
    public void Context_is_the_platform_context_with_extra_kernel_args()
    {
        var platform = LavaRequests.Platform("qemu", "x86_64", new JsonObject { ["arch"] = "x86_64", ["no_kvm"] = true });
        var job = Builder.Build(LavaRequests.Request(platform, new JsonObject { ["extra_kernel_args"] = "quiet" }), null);

        Assert.Equal(new Dictionary<string, object> { ["arch"] = "x86_64", ["no_kvm"] = true, ["extra_kernel_args"] = "quiet" }, job.Context);
    }

    [Fact]
    public void Gzipped_kernel_is_deployed_with_its_type_and_compression()
    {
        var job = Builder.Build(LavaRequests.Request(LavaRequests.Platform("u-boot"), kernelType: "Image.gz"), null);

        var kernel = job.Actions[0].Deploy!.Kernel!;
        Assert.Equal(("image", "gz"), (kernel.Type, kernel.Compression));
    }

    [Fact]
    public void Nfs_boot_deploys_the_nfs_root_and_its_initrd()
    {
        var job = Builder.Build(LavaRequests.Request(LavaRequests.Platform("u-boot"), new JsonObject { ["boot_commands"] = "nfs" }), null);

        var deploy = job.Actions[0].Deploy!;
        Assert.Equal("https://images.example.org/rootfs/bookworm/full.rootfs.tar.xz", deploy.Nfsrootfs!.Url);
        Assert.Equal("https://images.example.org/rootfs/bookworm/initrd.cpio.gz", deploy.Ramdisk!.Url);
        Assert.Equal(("debian", "nfs"), (deploy.Os, job.Actions[1].Boot!.Commands));
    }

    [Fact]
    public void Qemu_ramdisk_with_the_workers_own_qemu_is_a_gzipped_cpio_that_carries_the_lava_overlay()
    {
        var job = Builder.Build(LavaRequests.Request(LavaRequests.Platform("qemu"), new JsonObject { ["qemu_docker"] = false }), null);

        var ramdisk = job.Actions[0].Deploy!.Images!["ramdisk"];
        Assert.Equal(("https://images.example.org/rootfs/initrd.cpio.gz", "gz", "cpio.newc"), (ramdisk.Url, ramdisk.Compression, ramdisk.Format));
        Assert.Equal(true, ramdisk.Overlays!["lava"]);
    }

    [Fact]
    public void Qemu_ramdisk_in_the_qemu_image_leaves_the_overlay_to_lava()
    {
        var job = Builder.Build(LavaRequests.Request(LavaRequests.Platform("qemu")), null);

        var ramdisk = job.Actions[0].Deploy!.Images!["ramdisk"];
        Assert.Equal(("https://images.example.org/rootfs/initrd.cpio.gz", null), (ramdisk.Url, ramdisk.Overlays));
    }

    [Fact]
    public void Unknown_boot_method_is_invalid_job_params() =>
        Assert.Throws<InvalidJobParamsException>(() => Builder.Build(LavaRequests.Request(LavaRequests.Platform("pxe-magic")), null));

    [Fact]
    public void Unknown_test_method_is_invalid_job_params() =>
        Assert.Throws<InvalidJobParamsException>(() =>
            Builder.Build(LavaRequests.Request(LavaRequests.Platform("qemu"), new JsonObject { ["test_method"] = "nosuch" }), null));

    [Fact]
    public void Baseline_only_says_hello()
    {
        var job = Builder.Build(LavaRequests.Request(LavaRequests.Platform("qemu")), null);

        var definition = Assert.Single(job.Actions[^1].Test!.Definitions);
        Assert.Equal(["echo 'Hello World!'"], ((LavaInlineRepository)definition.Repository).Run.Steps);
        Assert.Equal("kmsg", definition.LavaSignal);
    }

    [Theory]
    [InlineData(null, 20)]
    [InlineData("high", 60)]
    [InlineData("medium", 40)]
    public void Pipeline_job_takes_the_tree_priority(string? tree, int priority) =>
        Assert.Equal(priority, Builder.Build(LavaRequests.Request(LavaRequests.Platform("qemu")), tree).Priority);
}
