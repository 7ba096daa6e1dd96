using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Git;
using KernelCI.Pipeline.Services.Tarball;
using KernelCI.Pipeline.Tests.Git;

namespace KernelCI.Pipeline.Tests.Services.Tarball;

public sealed class GitCacheTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("kernelci-cache-").FullName;

    [Fact]
    public async Task Corrupt_cache_is_wiped_and_cloned_again()
    {
        using var repository = await TestRepository.CreateAsync();
        var commit = await repository.CommitAsync("first", ("Makefile", TarballFixture.Makefile));
        var cache = Cache(repository.Url);
        var directory = await cache.PrepareAsync("local", repository.Url, "main", commit, Ct);
        await File.WriteAllTextAsync(Path.Combine(directory, ".git", "HEAD"), "garbage");

        directory = await cache.PrepareAsync("local", repository.Url, "main", commit, Ct);

        Assert.Equal(commit, (await new GitRunner().RunAsync(directory, "rev-parse", "refs/remotes/local/main")).Trim());
    }

    [Fact]
    public async Task Cache_fetches_a_commit_pushed_after_the_clone()
    {
        using var repository = await TestRepository.CreateAsync();
        var first = await repository.CommitAsync("first", ("Makefile", TarballFixture.Makefile));
        var cache = Cache(repository.Url);
        await cache.PrepareAsync("local", repository.Url, "main", first, Ct);
        var second = await repository.CommitAsync("second", ("README", "x\n"));

        var directory = await cache.PrepareAsync("local", repository.Url, "main", second, Ct);

        Assert.Equal(second, (await new GitRunner().RunAsync(directory, "rev-parse", "refs/remotes/local/main")).Trim());
    }

    /// <summary>Before, the tree was joined to the cache's folder as given, and the folder it named was wiped: an
    /// absolute path or `..` deleted folders anywhere the server could write.</summary>
    [Theory]
    [InlineData("VICTIM")]
    [InlineData("../../victim")]
    [InlineData("../victim")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("-o")]
    [InlineData("a/b")]
    public async Task Tree_that_is_not_a_plain_name_is_refused_and_no_folder_is_touched(string tree)
    {
        using var repository = await TestRepository.CreateAsync();
        var commit = await repository.CommitAsync("first", ("Makefile", TarballFixture.Makefile));
        var victim = Path.Combine(_work, "victim");
        Directory.CreateDirectory(victim);
        await File.WriteAllTextAsync(Path.Combine(victim, "precious"), "keep");
        await File.WriteAllTextAsync(Path.Combine(_work, "precious"), "keep");
        tree = tree == "VICTIM" ? victim : tree;
        var cache = Cache(repository.Url, tree);

        var error = await Assert.ThrowsAsync<GitCheckoutException>(() => cache.PrepareAsync(tree, repository.Url, "main", commit, Ct));

        Assert.StartsWith("data.kernel_revision.tree:", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(victim, "precious")));
        Assert.True(File.Exists(Path.Combine(_work, "precious")));
        Assert.False(Directory.Exists(Path.Combine(victim, ".git")));
    }

    [Fact]
    public async Task Locate_finds_a_cached_commit_and_never_fetches_one_it_lacks()
    {
        using var repository = await TestRepository.CreateAsync();
        var first = await repository.CommitAsync("first", ("Makefile", TarballFixture.Makefile));
        var cache = Cache(repository.Url);
        var directory = await cache.PrepareAsync("local", repository.Url, "main", first, Ct);
        var second = await repository.CommitAsync("second", ("README", "x\n"));

        Assert.Equal(directory, await cache.LocateAsync("local", repository.Url, first, Ct));
        Assert.Null(await cache.LocateAsync("local", repository.Url, second, Ct));
    }

    /// <summary>The patchset's fast path takes the tree and commit from the parent node: a commit that is not a hex id
    /// (an option to git) or a tree that is not a plain name finds nothing, and the fallback runs.</summary>
    [Theory]
    [InlineData("local", "--output=/tmp/kernelci-pwned")]
    [InlineData("local", "HEAD")]
    [InlineData("local", "main")]
    [InlineData("../local", "")]
    [InlineData("-o", "")]
    public async Task Locate_with_a_commit_or_tree_that_is_not_plain_finds_nothing(string tree, string commit)
    {
        using var repository = await TestRepository.CreateAsync();
        var first = await repository.CommitAsync("first", ("Makefile", TarballFixture.Makefile));
        var cache = Cache(repository.Url);
        await cache.PrepareAsync("local", repository.Url, "main", first, Ct);

        Assert.Null(await cache.LocateAsync(tree, repository.Url, commit.Length == 0 ? first : commit, Ct));
        Assert.False(File.Exists("/tmp/kernelci-pwned"));
    }

    [Fact]
    public async Task Folder_the_cache_did_not_create_is_never_wiped()
    {
        using var repository = await TestRepository.CreateAsync();
        var commit = await repository.CommitAsync("first", ("Makefile", TarballFixture.Makefile));
        var cache = Cache(repository.Url);
        var folder = cache.DirectoryOf("local", repository.Url);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "precious"), "keep");

        var error = await Assert.ThrowsAsync<GitCheckoutException>(() => cache.PrepareAsync("local", repository.Url, "main", commit, Ct));

        Assert.True(File.Exists(Path.Combine(folder, "precious")));
        Assert.Contains(GitCache.Marker, error.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(_work, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_repository_the_cache_did_not_create_is_never_wiped()
    {
        using var repository = await TestRepository.CreateAsync();
        var commit = await repository.CommitAsync("first", ("Makefile", TarballFixture.Makefile));
        var cache = Cache(repository.Url);
        var folder = cache.DirectoryOf("local", repository.Url);
        Directory.CreateDirectory(Path.Combine(folder, ".git"));
        await File.WriteAllTextAsync(Path.Combine(folder, ".git", "HEAD"), "garbage");

        await Assert.ThrowsAsync<GitCheckoutException>(() => cache.PrepareAsync("local", repository.Url, "main", commit, Ct));

        Assert.Equal("garbage", await File.ReadAllTextAsync(Path.Combine(folder, ".git", "HEAD"), Ct));
    }

    /// <summary>Before, any URL git understood was cloned, a local repository included, and its tarball published.</summary>
    [Fact]
    public async Task Local_repository_that_is_not_a_configured_tree_is_refused_before_git_runs()
    {
        using var repository = await TestRepository.CreateAsync();
        var commit = await repository.CommitAsync("first", ("Makefile", TarballFixture.Makefile));
        var cache = Cache("https://git.example.org/linux.git");

        foreach (var url in new[] { repository.Url, repository.Directory })
        {
            var error = await Assert.ThrowsAsync<GitCheckoutException>(() => cache.PrepareAsync("local", url, "main", commit, Ct));

            Assert.StartsWith("data.kernel_revision.url:", error.Message, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(Path.Combine(_work, "git")) && Directory.EnumerateFileSystemEntries(Path.Combine(_work, "git")).Any());
    }

    [Fact]
    public void Another_url_for_a_configured_tree_name_gets_a_folder_of_its_own()
    {
        var cache = Cache("https://git.example.org/linux.git", "mainline");

        var configured = cache.DirectoryOf("mainline", "https://git.example.org/linux.git");
        var other = cache.DirectoryOf("mainline", "https://evil.example.org/mainline.git");

        Assert.Equal(Path.Combine(_work, "git", "mainline"), configured);
        Assert.NotEqual(configured, other);
        Assert.Equal(Path.Combine(_work, "git"), Path.GetDirectoryName(other));
    }

    [Fact]
    public async Task Invalid_branch_is_refused()
    {
        var cache = Cache("https://git.example.org/linux.git");

        var error = await Assert.ThrowsAsync<GitCheckoutException>(() =>
            cache.PrepareAsync("local", "https://git.example.org/linux.git", "*", new string('a', 40), Ct));

        Assert.StartsWith("data.kernel_revision.branch:", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private GitCache Cache(string url, string tree = "local")
    {
        var config = new PipelineConfig { Trees = new Dictionary<string, TreeConfig> { [tree] = new(tree, url) } };
        return new GitCache(new PipelineOptions { WorkDirectory = _work }, new GitRunner(), new GitUrlPolicy(new GitOptions(), config));
    }
}
