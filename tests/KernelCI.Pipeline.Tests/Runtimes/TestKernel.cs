using System.Diagnostics;
using System.Text.RegularExpressions;
using KernelCI.Testing;

namespace KernelCI.Pipeline.Tests.Runtimes;

/// <summary>The real kernel the runtime tests build and boot, from Debian's linux-source-6.1 with tinyconfig and the
/// loop's qemu-serial fragment, prepared once by scripts/pipeline/prepare-test-kernel.sh and cached under
/// /tmp/kernelci-test-kernel-&lt;hash&gt; so that reruns take seconds.</summary>
internal sealed partial record TestKernel(string Directory, IReadOnlyList<string> FragmentLines)
{
    public const string SourceTarball = "/usr/src/linux-source-6.1.tar.xz";

    private static readonly Lazy<Task<TestKernel>> Prepared = new(PrepareAsync);

    public string BzImage => Path.Combine(Directory, "bzImage");

    public string BrokenTarball => Path.Combine(Directory, "broken.tar.zst");

    public static Task<TestKernel> GetAsync() => Prepared.Value;

    /// <summary>The qemu-serial fragment's CONFIG_ lines from config/pipeline/fragments.yaml.</summary>
    public static IReadOnlyList<string> QemuSerialFragment() =>
        ConfigLine().Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "config", "pipeline", "fragments.yaml")))
            .Select(m => m.Groups[1].Value).ToList();

    private static async Task<TestKernel> PrepareAsync()
    {
        var lines = QemuSerialFragment();
        var fragment = Path.Combine(Path.GetTempPath(), $"kernelci-qemu-serial-{Environment.ProcessId}.config");
        await File.WriteAllTextAsync(fragment, string.Concat(lines.Select(l => l + "\n")));
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "scripts", "pipeline", "prepare-test-kernel.sh"));
        start.ArgumentList.Add(fragment);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        File.Delete(fragment);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"prepare-test-kernel.sh failed (rc {process.ExitCode}): {await errors}");
        }

        return new TestKernel((await output).Trim(), lines);
    }

    [GeneratedRegex(@"'(CONFIG_[A-Z0-9_]+=[^']*)'")]
    private static partial Regex ConfigLine();
}
