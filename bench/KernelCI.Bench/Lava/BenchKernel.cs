using KernelCI.Bench.Infrastructure;

namespace KernelCI.Bench.Lava;

/// <summary>The tinyconfig + qemu-serial bzImage the lab boots, cached in the bench's data folder (.bench/lava/):
/// copied once from the one the QEMU tests build (scripts/pipeline/prepare-test-kernel.sh, under
/// /tmp/kernelci-test-kernel-*), so the benchmark never builds a kernel itself.</summary>
internal static class BenchKernel
{
    public static string Find()
    {
        var cached = Path.Combine(RepoPaths.ResultsDirectory, "lava", "bzImage");
        if (File.Exists(cached))
        {
            return cached;
        }

        var built = Directory.GetDirectories(Path.GetTempPath(), "kernelci-test-kernel-*")
            .Select(d => Path.Combine(d, "bzImage")).Where(File.Exists).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            ?? throw new BenchFailure("no tinyconfig bzImage: run `scripts/pipeline/prepare-test-kernel.sh FRAGMENT` (as the QEMU tests do) once, "
                + $"or put one at {cached}");
        Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
        File.Copy(built, cached + ".part", overwrite: true);
        File.Move(cached + ".part", cached, overwrite: true);
        return cached;
    }
}
