using System.Text;

namespace KernelCI.Bench.KcidbIngest.Dataset;

/// <summary>Tails of kbuild and boot logs, a few hundred bytes each.</summary>
internal static class LogExcerpts
{
    private static readonly string[] Directories =
    [
        "drivers/gpu/drm/i915/display", "drivers/net/ethernet/mediatek", "fs/btrfs", "net/ipv4", "sound/soc/codecs",
        "drivers/usb/dwc3", "arch/arm64/kernel", "kernel/sched", "mm", "drivers/pinctrl/qcom",
    ];

    private static readonly string[] Files = ["core", "main", "dev", "ops", "init", "irq", "debugfs", "trace"];

    public static string ForBuild(ref ObjectRandom random, string status, string architecture)
    {
        var text = new StringBuilder(512);
        var lines = random.Next(4, 9);
        for (var i = 0; i < lines; i++)
        {
            text.Append("  CC [M]  ").Append(random.Pick(Directories)).Append('/').Append(random.Pick(Files))
                .Append('_').Append(random.Next(100)).Append(".o\n");
        }

        if (status is "FAIL" or "ERROR")
        {
            var file = $"{random.Pick(Directories)}/{random.Pick(Files)}.c";
            text.Append(file).Append(':').Append(random.Next(20, 3000)).Append(':').Append(random.Next(1, 80))
                .Append(": error: implicit declaration of function 'devm_").Append(random.Pick(Files)).Append("_get'\n")
                .Append("make[5]: *** [scripts/Makefile.build:229: ").Append(file[..^2]).Append(".o] Error 1\n")
                .Append("make[1]: *** [/tmp/kci/linux/Makefile:1989: .] Error 2\nmake: *** [Makefile:224: __sub-make] Error 2\n");
        }
        else
        {
            text.Append("  LD      vmlinux\n  OBJCOPY arch/").Append(architecture).Append("/boot/Image\n")
                .Append("  Kernel: arch/").Append(architecture).Append("/boot/Image is ready\n");
        }

        return text.ToString();
    }

    public static string ForTest(ref ObjectRandom random, string path)
    {
        var stamp = random.Next(2, 40) + random.NextDouble();
        return $"[{stamp,12:F6}] {path}: probe of {random.Pick(Files)}.{random.Next(8)} failed with error -{random.Next(1, 120)}\n" +
            $"[{stamp + 0.5,12:F6}] Unable to handle kernel NULL pointer dereference at virtual address 0000000000000{random.Next(100, 999)}\n" +
            $"[{stamp + 0.6,12:F6}] Internal error: Oops: 0000000096000004 [#1] PREEMPT SMP\n" +
            $"[{stamp + 0.7,12:F6}] Call trace:\n[{stamp + 0.7,12:F6}]  {random.Pick(Files)}_probe+0x{random.Next(16, 4096):x}/0x{random.Next(4096, 8192):x}\n";
    }
}
