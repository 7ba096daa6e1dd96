using System.Formats.Tar;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Services.Tarball.Archive;
using KernelCI.Pipeline.Tests.Git;
using KernelCI.Pipeline.Tests.Services.Tarball;
using KernelCI.Pipeline.Tests.Stack;
using static KernelCI.Pipeline.Tests.Services.Patchset.PatchsetFixture;

namespace KernelCI.Pipeline.Tests.Services.Patchset;

/// <summary>The patchset's tarball made from the git cache's base (docs/pipeline/services.md#patchset), against the
/// base tarball's path it replaces when it can.</summary>
public sealed class PatchsetFromGitCacheTests
{
    [Fact]
    public async Task Tarball_from_the_git_cache_holds_what_the_base_tarball_path_gives()
    {
        // Given a base with a symlink, and a patch (git format-patch) that changes, adds and deletes files, empties a
        // folder and makes a script executable
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        var (checkout, patch, time) = await BaseAndPatchAsync(stack, repository);
        var url = await UploadPatchAsync(stack, patch);
        var config = TarballFixture.TreeConfig("local", repository.Url);

        // When one patchset is made while the base is in the git cache and another once the cache is gone
        var pieces = PiecesOf(stack);
        var fast = await PollAsync(stack, await PatchsetAsync(stack, checkout, url), config: config);
        var compressed = PiecesOf(stack) - pieces;
        Directory.Delete(Path.Combine(stack.Options.WorkDirectory!, "git"), recursive: true);
        var slow = await PollAsync(stack, await PatchsetAsync(stack, checkout, url), config: config);

        // Then both hold the same files under their own top folder, and only the two new blobs were compressed
        Assert.Equal(("available", "pass"), (fast.State, fast.Result));
        Assert.Equal(("available", "pass"), (slow.State, slow.Result));
        var fastEntries = await FilesAsync(stack, fast);
        var slowEntries = await FilesAsync(stack, slow);
        Assert.Equal(slowEntries, fastEntries);
        Assert.Contains(new TarballEntry("drivers/new/new.c", TarEntryType.RegularFile, "int fresh;\n", "", false), fastEntries);
        Assert.Contains(fastEntries, e => e is { Name: "scripts/run.sh", Executable: true });
        Assert.DoesNotContain(fastEntries, e => e.Name.StartsWith("drivers/gone", StringComparison.Ordinal) || e.Name == "drivers/old.c");
        Assert.Contains(new TarballEntry("kernel/link.c", TarEntryType.SymbolicLink, "", "sched.c", false), fastEntries);
        Assert.Equal(2, compressed);
        // The git cache's tarball dates every entry with the base commit; the re-packed one with the time of its files.
        Assert.All(TarballFixture.TarEntries(await TarballFixture.DownloadTarAsync(stack, fast.Artifacts["tarball"])),
            e => Assert.Equal(time, e.ModificationTime.ToUnixTimeSeconds()));
        Assert.Equal(fast.Data["kernel_revision"]!["patchset"]!.ToString(), slow.Data["kernel_revision"]!["patchset"]!.ToString());
    }

    [Fact]
    public async Task Patch_that_applies_only_with_fuzz_is_applied_on_the_base_tarball()
    {
        // git apply wants every context line; GNU patch, which upstream runs, accepts one that differs (fuzz)
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        var lines = string.Concat(Enumerable.Range(1, 9).Select(i => $"line {i}\n"));
        var commit = await repository.CommitAsync("first", ("Makefile", TarballFixture.Makefile), ("kernel/sched.c", lines));
        var checkout = await TarballFixture.CheckOutAsync(stack, repository.Url, commit);
        const string fuzzy = "--- a/kernel/sched.c\n+++ b/kernel/sched.c\n@@ -3,5 +3,5 @@\n line 3\n line 4\n-line 5\n+line five\n line 6\n line 7 changed\n";

        var done = await PollAsync(stack, await PatchsetAsync(stack, checkout, await UploadPatchAsync(stack, fuzzy)),
            config: TarballFixture.TreeConfig("local", repository.Url));

        Assert.Equal(("available", "pass"), (done.State, done.Result));
        Assert.Contains("line five\n", await ReadEntryAsync(stack, done.Artifacts["tarball"], "/kernel/sched.c"));
    }

    [Fact]
    public async Task Patch_that_does_not_apply_on_the_cached_base_fails_with_patch_output()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        var checkout = await CheckoutAsync(stack, repository);
        var node = await PatchsetAsync(stack, checkout, await UploadPatchAsync(stack, GoodPatch.Replace("-int x;", "-int z;")));

        var done = await PollAsync(stack, node, config: TarballFixture.TreeConfig("local", repository.Url));

        Assert.Equal(("done", "fail"), (done.State, done.Result));
        Assert.StartsWith("patch0 does not apply", done.Data["error_msg"]!.ToString());
        Assert.False(done.Artifacts.ContainsKey("tarball"));
    }

    [Fact]
    public async Task Patch_through_a_symlink_of_the_cached_base_is_refused()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        await repository.CommitAsync("first", ("Makefile", TarballFixture.Makefile), ("kernel/sched.c", "int x;\n"));
        File.CreateSymbolicLink(Path.Combine(repository.Directory, "out"), "kernel");
        var commit = await repository.CommitAsync("link");
        var checkout = await TarballFixture.CheckOutAsync(stack, repository.Url, commit);
        var through = GoodPatch.Replace("kernel/sched.c", "out/sched.c");

        var done = await PollAsync(stack, await PatchsetAsync(stack, checkout, await UploadPatchAsync(stack, through)),
            config: TarballFixture.TreeConfig("local", repository.Url));

        Assert.Equal(("done", "fail"), (done.State, done.Result));
        Assert.Equal("patch0: path 'a/out/sched.c' goes through the symlink 'out'", done.Data["error_msg"]!.ToString());
    }

    private static async Task<(MaestroNode Checkout, string Patch, long Time)> BaseAndPatchAsync(PipelineTestStack stack, TestRepository repository)
    {
        var baseCommit = await repository.CommitAsync("base", ("Makefile", TarballFixture.Makefile), ("kernel/sched.c", "int x;\nint keep;\n"),
            ("drivers/old.c", "int old;\n"), ("drivers/gone/only.c", "int only;\n"), ("scripts/run.sh", "#!/bin/sh\necho run\n"));
        File.CreateSymbolicLink(Path.Combine(repository.Directory, "kernel", "link.c"), "sched.c");
        baseCommit = await repository.CommitAsync("link");
        await repository.CommitAsync("change", ("kernel/sched.c", "int y;\nint keep;\n"), ("drivers/new/new.c", "int fresh;\n"));
        File.Delete(Path.Combine(repository.Directory, "drivers", "old.c"));
        Directory.Delete(Path.Combine(repository.Directory, "drivers", "gone"), recursive: true);
        File.SetUnixFileMode(Path.Combine(repository.Directory, "scripts", "run.sh"), (UnixFileMode)Convert.ToInt32("755", 8));
        await repository.CommitAsync("delete and chmod");
        var patch = await repository.RunAsync("diff", "--no-renames", baseCommit, "HEAD");
        await repository.RunAsync("reset", "--quiet", "--hard", baseCommit);
        var time = long.Parse((await repository.RunAsync("show", "-s", "--format=%ct", baseCommit)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        return (await TarballFixture.CheckOutAsync(stack, repository.Url, baseCommit), patch, time);
    }

    // The files under the tarball's top folder, which must be the tarball's own name.
    private static async Task<List<TarballEntry>> FilesAsync(PipelineTestStack stack, MaestroNode node)
    {
        var top = Path.GetFileName(node.Artifacts["tarball"])[..^".tar.gz".Length];
        var entries = TarballFixture.Entries(await TarballFixture.DownloadTarAsync(stack, node.Artifacts["tarball"]));
        Assert.All(entries, e => Assert.True(e.Name == top || e.Name.StartsWith(top + "/", StringComparison.Ordinal), e.Name));
        return [.. entries.Where(e => e.Name != top).Select(e => e with { Name = e.Name[(top.Length + 1)..] })];
    }

    private static int PiecesOf(PipelineTestStack stack)
    {
        var directory = Assert.Single(Directory.GetDirectories(Path.Combine(stack.Options.WorkDirectory!, "tarball-cache")));
        using var cache = PieceCache.TryOpen(directory)!;
        return cache.Count;
    }
}
