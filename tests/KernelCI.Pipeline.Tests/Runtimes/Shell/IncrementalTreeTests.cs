using System.Diagnostics;
using System.Text;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Runtimes.Shell;
using KernelCI.Pipeline.Tests.Runtimes;

namespace KernelCI.Pipeline.Tests.Runtimes.Shell;

/// <summary>Persistent build trees (Pipeline:Kbuild:IncrementalTrees) synced from tarballs, on <see cref="FakeKernel"/>.
/// Every tarball stamps its files with a time in 2001, as git archive stamps a checkout with its commit's time, older
/// than any object already built.</summary>
public sealed class IncrementalTreeTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("kernelci-incremental-").FullName;

    private string Trees => Path.Combine(_work, "trees");

    [Fact]
    public async Task Second_build_recompiles_only_the_changed_file_and_drops_a_deleted_one()
    {
        await using var harness = await StartAsync();
        var (first, firstLog) = await BuildAsync(harness, await TarballAsync("a", ("a.c", "alpha"), ("b.c", "beta"), ("c.c", "gamma")));
        Assert.Equal("pass", first.Result);
        Assert.Contains("CC c.o", firstLog);

        // The next commit changes b.c (same size, archive mtime still 2001) and deletes c.c.
        var (second, log) = await BuildAsync(harness, await TarballAsync("b", ("a.c", "alpha"), ("b.c", "BETA")));

        Assert.Equal("pass", second.Result);
        Assert.Contains("### incremental build in the persistent tree", log);
        Assert.Contains("### source files changed or added: 1", log);
        Assert.Equal(new[] { "CC b.o" }, log.Split('\n').Where(l => l.StartsWith("CC ", StringComparison.Ordinal)));
        var tree = Assert.Single(Directory.GetDirectories(Trees));
        Assert.False(File.Exists(Path.Combine(tree, "src", "c.c")));
        Assert.Equal("alphaBETA", Encoding.ASCII.GetString(await harness.DownloadAsync(second.Artifacts["kernel"])));
    }

    [Fact]
    public async Task Failing_incremental_build_is_run_again_clean_and_passes_when_the_tree_was_stale()
    {
        await using var harness = await StartAsync();
        var tarball = await TarballAsync("a", ("a.c", "alpha"), ("b.c", "beta"));
        var (first, _) = await BuildAsync(harness, tarball);
        Assert.Equal("pass", first.Result);
        // Stale state make cannot see: an object newer than its source that no longer links.
        var tree = Assert.Single(Directory.GetDirectories(Trees));
        var stale = Path.Combine(tree, "build", "a.o");
        await File.WriteAllTextAsync(stale, "STALE", TestContext.Current.CancellationToken);
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddDays(1));

        var (second, log) = await BuildAsync(harness, tarball);

        Assert.Equal(("done", "pass"), (second.State, second.Result));
        Assert.Contains("### the incremental build failed: building again in a fresh folder", log);
        Assert.False(File.Exists(stale));
    }

    [Fact]
    public async Task Real_compile_error_fails_after_the_clean_retry()
    {
        await using var harness = await StartAsync();
        var (_, _) = await BuildAsync(harness, await TarballAsync("a", ("a.c", "alpha"), ("b.c", "beta")));

        var (node, log) = await BuildAsync(harness, await TarballAsync("b", ("a.c", "alpha"), ("b.c", "#error broken on purpose")));

        Assert.Equal(("done", "fail"), (node.State, node.Result));
        Assert.Contains("broken on purpose", node.Data["error_msg"]!.ToString());
        Assert.Contains("### the incremental build failed", log);
        Assert.False(node.Artifacts.ContainsKey("kernel"));
    }

    [Fact]
    public async Task Without_incremental_trees_every_build_compiles_everything_in_its_own_folder()
    {
        await using var harness = await StartAsync(incremental: false);
        await BuildAsync(harness, await TarballAsync("a", ("a.c", "alpha"), ("b.c", "beta")));

        var (node, log) = await BuildAsync(harness, await TarballAsync("b", ("a.c", "alpha"), ("b.c", "BETA")));

        Assert.Equal("pass", node.Result);
        Assert.Contains("CC a.o", log);
        Assert.DoesNotContain("persistent tree", log);
        Assert.False(Directory.Exists(Trees));
    }

    [Fact]
    public void Second_lease_of_a_held_tree_is_refused_and_old_trees_are_evicted()
    {
        var time = TimeProvider.System;
        using (var held = BuildTree.TryAcquire(Trees, "one", 2, time))
        {
            Assert.NotNull(held);
            Assert.Null(BuildTree.TryAcquire(Trees, "one", 2, time));
        }

        using (BuildTree.TryAcquire(Trees, "two", 2, time))
        {
        }

        Directory.SetLastWriteTimeUtc(Path.Combine(Trees, BuildTree.Key("one")), DateTime.UtcNow.AddHours(-2));
        Directory.SetLastWriteTimeUtc(Path.Combine(Trees, BuildTree.Key("two")), DateTime.UtcNow.AddHours(-1));
        using var three = BuildTree.TryAcquire(Trees, "three", 2, time);

        Assert.Equal(new[] { BuildTree.Key("three"), BuildTree.Key("two") }.Order(StringComparer.Ordinal),
            Directory.GetDirectories(Trees).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Eviction_never_removes_a_folder_it_did_not_make()
    {
        var time = TimeProvider.System;
        var foreign = Path.Combine(Trees, "photos");
        var lookalike = Path.Combine(Trees, "0123456789abcdef");
        Directory.CreateDirectory(foreign);
        Directory.CreateDirectory(lookalike);
        File.WriteAllText(Path.Combine(foreign, "precious"), "keep");
        Directory.SetLastWriteTimeUtc(foreign, DateTime.UtcNow.AddDays(-30));
        Directory.SetLastWriteTimeUtc(lookalike, DateTime.UtcNow.AddDays(-30));

        using var tree = BuildTree.TryAcquire(Trees, "one", 1, time);

        Assert.True(File.Exists(Path.Combine(foreign, "precious")));
        Assert.True(Directory.Exists(lookalike));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private Task<RuntimeHarness> StartAsync(bool incremental = true) =>
        RuntimeHarness.StartAsync(o => o with { Kbuild = new KbuildOptions { IncrementalTrees = incremental, TreesDirectory = Trees } });

    private static async Task<(MaestroNode Node, string Log)> BuildAsync(RuntimeHarness harness, string tarball)
    {
        var checkout = await harness.CheckoutAsync();
        return await FakeKernel.BuildAsync(harness, checkout, await harness.UploadAsync($"tarballs/{checkout.Id}", tarball));
    }

    /// <summary>linux/ with the fake Makefile and the given sources, every file dated 2001-01-01.</summary>
    private async Task<string> TarballAsync(string name, params (string File, string Content)[] sources)
    {
        var root = Path.Combine(_work, "tarball-" + name);
        var source = Path.Combine(root, "linux");
        Directory.CreateDirectory(source);
        await File.WriteAllTextAsync(Path.Combine(source, "Makefile"), FakeKernel.Makefile, TestContext.Current.CancellationToken);
        foreach (var (file, content) in sources)
        {
            await File.WriteAllTextAsync(Path.Combine(source, file), content, TestContext.Current.CancellationToken);
        }

        var tarball = Path.Combine(root, "linux.tar.gz");
        using var tar = Process.Start(new ProcessStartInfo("tar", ["--mtime=2001-01-01 00:00:00Z", "-czf", tarball, "-C", root, "linux"]))!;
        await tar.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, tar.ExitCode);
        return tarball;
    }
}
