namespace KernelCI.Bench.KcidbIngest.Dataset;

/// <summary>Names seen in Maestro's KCIDB submissions (trees, platforms, labs, suites), enough to give realistic
/// column cardinalities to the indexes.</summary>
internal static class Vocabulary
{
    public static IReadOnlyList<Tree> Trees { get; } =
    [
        new("mainline", "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git", ["master"]),
        new("next", "https://git.kernel.org/pub/scm/linux/kernel/git/next/linux-next.git", ["master", "pending-fixes"]),
        new("stable", "https://git.kernel.org/pub/scm/linux/kernel/git/stable/linux.git", ["linux-6.12.y", "linux-6.6.y", "linux-6.1.y"]),
        new("stable-rc", "https://git.kernel.org/pub/scm/linux/kernel/git/stable/linux-stable-rc.git", ["linux-6.12.y", "linux-6.6.y", "linux-5.15.y"]),
        new("kernelci", "https://github.com/kernelci/linux.git", ["staging-mainline", "staging-next"]),
        new("broonie-misc", "https://git.kernel.org/pub/scm/linux/kernel/git/broonie/misc.git", ["for-kernelci"]),
        new("android", "https://android.googlesource.com/kernel/common", ["android-mainline", "android16-6.12"]),
        new("chromiumos", "https://chromium.googlesource.com/chromiumos/third_party/kernel", ["chromeos-6.6"]),
        new("net-next", "https://git.kernel.org/pub/scm/linux/kernel/git/netdev/net-next.git", ["main"]),
    ];

    public static IReadOnlyList<Platform> Platforms { get; } =
    [
        new("qemu-x86", "x86_64", ["qemu,x86"], "lava-collabora"),
        new("x86-pineview-atom", "x86_64", ["intel,pineview"], "lava-collabora"),
        new("asus-C436FA-Flip-hatch", "x86_64", ["google,hatch"], "lava-collabora"),
        new("mt8183-kukui-jacuzzi-juniper-sku16", "arm64", ["google,juniper-sku16", "google,juniper", "mediatek,mt8183"], "lava-collabora"),
        new("sc7180-trogdor-lazor-limozeen", "arm64", ["google,lazor-rev9-sku6", "google,lazor", "qcom,sc7180"], "lava-collabora"),
        new("bcm2711-rpi-4-b", "arm64", ["raspberrypi,4-model-b", "brcm,bcm2711"], "lava-baylibre"),
        new("meson-g12b-a311d-khadas-vim3", "arm64", ["khadas,vim3", "amlogic,a311d", "amlogic,g12b"], "lava-baylibre"),
        new("imx8mp-evk", "arm64", ["fsl,imx8mp-evk", "fsl,imx8mp"], "lava-pengutronix"),
        new("beaglebone-black", "arm", ["ti,am335x-bone-black", "ti,am335x-bone", "ti,am33xx"], "lava-baylibre"),
        new("sun50i-h5-libretech-all-h3-cc", "arm64", ["libretech,all-h3-cc-h5", "allwinner,sun50i-h5"], "lava-broonie"),
        new("jh7100-starfive-visionfive-v1", "riscv", ["starfive,visionfive-v1", "starfive,jh7100"], "lava-collabora"),
        new("qemu-riscv64", "riscv", ["qemu,riscv64"], "lava-collabora"),
    ];

    public static IReadOnlyList<string> Architectures { get; } = ["x86_64", "arm64", "arm", "riscv"];

    public static IReadOnlyList<string> Compilers { get; } = ["gcc-12", "gcc-14", "clang-17", "clang-19"];

    public static IReadOnlyList<string> BuildRuntimes { get; } = ["k8s-gke-eu-west4", "k8s-all", "k8s-aks-kbuild-big"];

    public static IReadOnlyList<TestSuite> Suites { get; } =
    [
        new("kselftest.dt", "case", "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git"),
        new("kselftest.cpufreq", "case", "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git"),
        new("kunit.exec", "case", "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git", 12),
        new("ltp.syscalls", "test", "https://github.com/linux-test-project/ltp.git"),
        new("baseline.dmesg", "line", "https://github.com/kernelci/kernelci-core.git"),
        new("tast.kernel", "check", "https://chromium.googlesource.com/chromiumos/platform/tast-tests", 10),
    ];

    public static string ConfigFor(string architecture, int variant) => (architecture, variant % 3) switch
    {
        ("x86_64", 0) => "x86_64_defconfig",
        ("x86_64", 1) => "x86_64_defconfig+kselftest",
        ("x86_64", _) => "cros://chromeos-6.6/x86_64/chromeos-intel-pineview.flavour.config",
        ("arm64", 0) => "defconfig",
        ("arm64", 1) => "defconfig+arm64-chromebook+kselftest",
        ("arm64", _) => "defconfig+CONFIG_ARM64_64K_PAGES=y",
        ("arm", 0) => "multi_v7_defconfig",
        ("arm", _) => "multi_v7_defconfig+kselftest",
        (_, 0) => "defconfig",
        _ => "defconfig+kselftest",
    };

    public static string KernelTypeFor(string architecture) => architecture switch
    {
        "x86_64" => "bzimage",
        "arm" => "zimage",
        _ => "image",
    };
}
