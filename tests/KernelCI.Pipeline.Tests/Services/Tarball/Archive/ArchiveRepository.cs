using System.Diagnostics;
using KernelCI.Pipeline.Git;
using KernelCI.Pipeline.Services.Tarball.Archive;
using KernelCI.Pipeline.Tests.Git;

namespace KernelCI.Pipeline.Tests.Services.Tarball.Archive;

/// <summary>A repository with every kind of entry `git archive` treats specially, and helpers to compare an
/// incremental archive with what `git archive | gzip -d` gives.</summary>
internal static class ArchiveRepository
{
    public const string Name = "linux-local-main-v6.1";

    public static async Task<string> CommitEverythingAsync(TestRepository repository)
    {
        var longDirectory = new string('d', 70);
        var longName = new string('n', 120);
        await repository.CommitAsync("files",
            ("Makefile", "VERSION = 6\n"),
            ("kernel/sched.c", string.Concat(Enumerable.Repeat("int x; /* some text that repeats */\n", 400))),
            ("kernel/empty.c", ""),
            ("scripts/run.sh", "#!/bin/sh\necho run\n"),
            ($"drivers/{longDirectory}/{new string('f', 60)}.c", "int split;\n"),
            ($"drivers/{longName}.c", "int pax;\n"),
            ("exact/512.bin", new string('x', 512)),
            ("binary/random.bin", Convert.ToBase64String(RandomBytes(200_000))));
        File.SetUnixFileMode(Path.Combine(repository.Directory, "scripts", "run.sh"), (UnixFileMode)Convert.ToInt32("755", 8));
        File.CreateSymbolicLink(Path.Combine(repository.Directory, "kernel", "link.c"), "sched.c");
        File.CreateSymbolicLink(Path.Combine(repository.Directory, "kernel", "far.c"), "../" + string.Join('/', Enumerable.Repeat("deep", 30)));
        await repository.CommitAsync("links and modes");
        await repository.RunAsync("update-index", "--add", "--cacheinfo", "160000," + new string('a', 40) + ",modules/sub");
        await repository.RunAsync("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m", "submodule");
        return (await repository.RunAsync("rev-parse", "HEAD")).Trim();
    }

    public static async Task<byte[]> GitArchiveAsync(TestRepository repository, string commit)
    {
        using var expected = new MemoryStream();
        await new GitRunner().StreamAsync(repository.Directory, ["archive", "--format=tar", $"--prefix={Name}/", commit],
            (s, ct) => s.CopyToAsync(expected, ct), TestContext.Current.CancellationToken);
        return expected.ToArray();
    }

    /// <summary>Builds the archive and decompresses it with the gzip program, which checks the CRC and length.</summary>
    public static async Task<(ArchivePlan Plan, byte[] Tar)> BuildAsync(TestRepository repository, string cache, string commit)
    {
        byte[] compressed = [];
        var plan = await new IncrementalArchive(new GitRunner()).WriteAsync(repository.Directory, cache, commit, Name, async plan =>
        {
            using var copy = new MemoryStream();
            await using var stream = plan.OpenRead();
            await stream.CopyToAsync(copy);
            compressed = copy.ToArray();
        }, TestContext.Current.CancellationToken);
        Assert.Equal(plan.Length, compressed.Length);
        return (plan, await GunzipAsync(compressed));
    }

    public static async Task<byte[]> GunzipAsync(byte[] compressed)
    {
        var gzip = Process.Start(new ProcessStartInfo("gzip", ["--decompress", "--stdout"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = new MemoryStream();
        var reading = gzip.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = gzip.StandardError.ReadToEndAsync();
        await gzip.StandardInput.BaseStream.WriteAsync(compressed);
        gzip.StandardInput.Close();
        await reading;
        await gzip.WaitForExitAsync();
        Assert.True(gzip.ExitCode == 0, "gzip: " + await errors);
        return output.ToArray();
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(42).NextBytes(bytes);
        return bytes;
    }
}
