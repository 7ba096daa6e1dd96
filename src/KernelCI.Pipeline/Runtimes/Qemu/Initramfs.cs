using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace KernelCI.Pipeline.Runtimes.Qemu;

/// <summary>Builds the guest's initramfs (gzipped newc cpio): Debian's static busybox, /init and the tests. The base
/// archive is cached per job definition; modules, when the build has them, go in a second archive appended to it
/// (the kernel unpacks concatenated archives in turn).</summary>
internal static class Initramfs
{
    public static string BusyboxPath { get; set; } = "/bin/busybox";

    public static async Task<string> BuildAsync(string cacheDirectory, TestDefinition definition, string? modulesTarball,
        string jobDirectory, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var init = InitScript.Render(definition);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            init + "\0" + string.Join("\0", definition.Tests.Select(t => t.Run)) + "\0" + new FileInfo(BusyboxPath).Length)))[..16];
        Directory.CreateDirectory(cacheDirectory);
        var cached = Path.Combine(cacheDirectory, key + ".cpio.gz");
        if (!File.Exists(cached))
        {
            var busybox = await File.ReadAllBytesAsync(BusyboxPath, cancellationToken);
            var part = cached + "." + Guid.NewGuid().ToString("N") + ".part";
            await using (var output = new GZipStream(File.Create(part), CompressionLevel.Optimal))
            {
                var cpio = new CpioWriter(output);
                foreach (var dir in new[] { "bin", "dev", "proc", "sys", "tmp", "root", "kci", "kci/tests" })
                {
                    cpio.AddDirectory(dir);
                }

                cpio.AddCharacterDevice("dev/console", 5, 1);
                cpio.AddCharacterDevice("dev/null", 1, 3);
                cpio.AddFile("bin/busybox", busybox, executable: true);
                cpio.AddSymlink("bin/sh", "busybox");
                cpio.AddFile("init", Encoding.UTF8.GetBytes(init), executable: true);
                for (var i = 0; i < definition.Tests.Count; i++)
                {
                    cpio.AddFile($"kci/tests/{i}.sh", Encoding.UTF8.GetBytes(definition.Tests[i].Run + "\n"), executable: true);
                }

                cpio.Finish();
            }

            File.Move(part, cached, overwrite: true);
        }

        if (modulesTarball is null)
        {
            return cached;
        }

        var combined = Path.Combine(jobDirectory, "initramfs.cpio.gz");
        File.Copy(cached, combined, overwrite: true);
        await AppendModulesAsync(combined, modulesTarball, jobDirectory, timeProvider, cancellationToken);
        return combined;
    }

    private static async Task AppendModulesAsync(string initramfs, string modulesTarball, string jobDirectory, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var root = Path.Combine(jobDirectory, "modules");
        Directory.CreateDirectory(root);
        var rc = await ChildProcess.RunAsync("tar", ["-xf", modulesTarball, "-C", root], jobDirectory, Path.Combine(jobDirectory, "modules.log"),
            TimeSpan.FromMinutes(5), timeProvider, cancellationToken);
        if (rc != 0)
        {
            throw new IOException($"could not extract the modules tarball (tar rc {rc?.ToString() ?? "timeout"})");
        }

        await using var output = new GZipStream(new FileStream(initramfs, FileMode.Append), CompressionLevel.Optimal);
        var cpio = new CpioWriter(output);
        foreach (var entry in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(root, entry).Replace('\\', '/');
            var info = new FileInfo(entry);
            if (info.LinkTarget is { } target)
            {
                cpio.AddSymlink(name, target);
            }
            else if (Directory.Exists(entry))
            {
                cpio.AddDirectory(name);
            }
            else
            {
                cpio.AddFile(name, await File.ReadAllBytesAsync(entry, cancellationToken), executable: false);
            }
        }

        cpio.Finish();
    }
}
