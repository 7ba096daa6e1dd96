using System.Text;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Runtimes.Shell;
using KernelCI.Pipeline.Services.Tarball;
using KernelCI.Pipeline.Tests.Git;

namespace KernelCI.Pipeline.Tests.Runtimes.Shell;

/// <summary>Persistent build trees checked out of the host's git cache (<see cref="GitSource"/>): a checkout whose
/// commit the tarball service already fetched is built without its tarball, and only what changed is recompiled. The
/// checkouts here point at a tarball URL that does not exist, so a build that downloaded it would be incomplete.</summary>
public sealed class GitTreeBuildTests : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("kernelci-git-tree-").FullName;
    private readonly string _tree = "gittree" + Guid.NewGuid().ToString("N")[..8];
    private TestRepository _repository = null!;
    private RuntimeHarness _harness = null!;
    private string _cache = "";

    private string Trees => Path.Combine(_work, "trees");

    public async ValueTask InitializeAsync()
    {
        _repository = await TestRepository.CreateAsync();
        _harness = await RuntimeHarness.StartAsync(o => o with { Kbuild = new KbuildOptions { TreesDirectory = Trees } });
        _cache = _harness.Service<GitCache>().DirectoryOf(_tree, _repository.Url);
    }

    [Fact]
    public async Task Cached_commit_builds_without_its_tarball_and_the_next_recompiles_only_the_changed_file()
    {
        var first = await _repository.CommitAsync("a", ("Makefile", FakeKernel.Makefile), ("a.c", "alpha"), ("b.c", "beta"), ("c.c", "gamma"));
        File.Delete(Path.Combine(_repository.Directory, "c.c"));
        var second = await _repository.CommitAsync("b", ("b.c", "BETA"));
        await CacheAsync();

        var (built, firstLog) = await BuildAsync(first);
        var (node, log) = await BuildAsync(second);

        Assert.Equal(("pass", "pass"), (built.Result, node.Result));
        Assert.Contains("### checking out " + first + " from the git cache", firstLog);
        Assert.DoesNotContain("downloading", log);
        Assert.Contains("### source files changed since " + first + ": 2", log);
        Assert.Equal(new[] { "CC b.o" }, log.Split('\n').Where(l => l.StartsWith("CC ", StringComparison.Ordinal)));
        Assert.Equal("alphaBETA", Encoding.ASCII.GetString(await _harness.DownloadAsync(node.Artifacts["kernel"])));
    }

    [Fact]
    public async Task Commit_the_cache_lacks_is_built_from_its_tarball()
    {
        await _repository.CommitAsync("a", ("Makefile", FakeKernel.Makefile), ("a.c", "alpha"));
        await CacheAsync();

        var (node, log) = await BuildAsync(new string('e', 40));

        Assert.Equal("incomplete", node.Result);
        Assert.Contains("### downloading", log);
        Assert.Contains("downloading the source tarball", node.Data["error_msg"]!.ToString());
    }

    /// <summary>Only a full commit id outside any patchset is looked for in the cache: the others build from their
    /// tarball (here missing, so the build is incomplete) even though the cache has the commit. A tree name that is not
    /// a plain name ("../x") never reaches a build: Maestro refuses the node, and GitCache.LocateAsync finds nothing
    /// for it (GitCacheTests).</summary>
    [Theory]
    [InlineData("short commit")]
    [InlineData("node under a patchset")]
    public async Task Revision_that_is_not_a_plain_full_commit_is_built_from_its_tarball(string what)
    {
        var commit = await _repository.CommitAsync("a", ("Makefile", FakeKernel.Makefile), ("a.c", "alpha"));
        await CacheAsync();
        var checkout = await _harness.CheckoutAsync(Revision(what == "short commit" ? commit[..12] : commit));
        if (what == "node under a patchset")
        {
            checkout = await _harness.ChildAsync(checkout, "checkout", "patchset");
        }

        var (node, log) = await FakeKernel.BuildAsync(_harness, checkout, _harness.Urls.For($"tarballs/{checkout.Id}/missing.tar.gz"));

        Assert.Equal("incomplete", node.Result);
        Assert.Contains("### downloading", log);
        Assert.DoesNotContain("### checking out", log);
    }

    /// <summary>A patchset's tarball holds its patches: its base commit in the cache is not its source. A stray file the
    /// patchset added must not survive into the next commit's checkout (the fake Makefile compiles every *.c).</summary>
    [Fact]
    public async Task Patchset_is_built_from_its_tarball_and_the_next_checkout_starts_the_tree_over()
    {
        var commit = await _repository.CommitAsync("a", ("Makefile", FakeKernel.Makefile), ("a.c", "alpha"), ("b.c", "beta"));
        await CacheAsync();
        var patched = Path.Combine(_work, "patched", "linux");
        Directory.CreateDirectory(patched);
        await _repository.RunAsync("archive", "--format=tar", "-o", Path.Combine(_work, "base.tar"), commit);
        await RunAsync("tar", "-xf", Path.Combine(_work, "base.tar"), "-C", patched);
        await File.WriteAllTextAsync(Path.Combine(patched, "d.c"), "delta", Ct);
        await RunAsync("tar", "-czf", Path.Combine(_work, "patched.tar.gz"), "-C", Path.GetDirectoryName(patched)!, "linux");
        var revision = Revision(commit);
        revision["patchset"] = "0f" + new string('1', 62);
        var checkout = await _harness.CheckoutAsync(revision);
        var url = await _harness.UploadAsync($"tarballs/{checkout.Id}", Path.Combine(_work, "patched.tar.gz"));

        var (patchset, patchLog) = await FakeKernel.BuildAsync(_harness, checkout, url);
        var (plain, log) = await BuildAsync(commit);

        Assert.Equal("alphabetadelta", Encoding.ASCII.GetString(await _harness.DownloadAsync(patchset.Artifacts["kernel"])));
        Assert.Contains("### extracting the source tarball", patchLog);
        Assert.Contains("### checking out", log);
        Assert.Equal("alphabeta", Encoding.ASCII.GetString(await _harness.DownloadAsync(plain.Artifacts["kernel"])));
    }

    [Fact]
    public async Task Failing_tree_build_is_emptied_and_built_again_from_the_cache()
    {
        var commit = await _repository.CommitAsync("a", ("Makefile", FakeKernel.Makefile), ("a.c", "alpha"), ("b.c", "beta"));
        await CacheAsync();
        await BuildAsync(commit);
        var tree = Assert.Single(Directory.GetDirectories(Trees));
        var stale = Path.Combine(tree, "build", "a.o");
        await File.WriteAllTextAsync(stale, "STALE", Ct);
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddDays(1));

        var (node, log) = await BuildAsync(commit);

        Assert.Equal(("done", "pass"), (node.State, node.Result));
        Assert.Contains("### the incremental build failed: emptying the tree and building again", log);
        Assert.DoesNotContain("downloading", log);
        Assert.Equal("alphabeta", await File.ReadAllTextAsync(Path.Combine(tree, "build", "arch", "x86", "boot", "bzImage"), Ct));
        Assert.True(File.Exists(Path.Combine(tree, "identity.txt")));
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        _repository.Dispose();
        Directory.Delete(_work, recursive: true);
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The cache as the tarball service leaves it: a clone of the tree in its folder.</summary>
    private Task CacheAsync() => RunAsync("git", "clone", "--quiet", "--no-checkout", _repository.Directory, _cache);

    private JsonObject Revision(string commit) => new()
    {
        ["tree"] = _tree, ["url"] = _repository.Url, ["branch"] = "main", ["commit"] = commit, ["describe"] = "v6.1",
    };

    private async Task<(MaestroNode Node, string Log)> BuildAsync(string commit)
    {
        var checkout = await _harness.CheckoutAsync(Revision(commit));
        return await FakeKernel.BuildAsync(_harness, checkout, _harness.Urls.For($"tarballs/{checkout.Id}/missing.tar.gz"));
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(file, arguments))!;
        await process.WaitForExitAsync(Ct);
        Assert.Equal(0, process.ExitCode);
    }
}
