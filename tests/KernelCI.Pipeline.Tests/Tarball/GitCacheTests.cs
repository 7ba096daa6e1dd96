using KernelCI.Pipeline.Git;
using KernelCI.Pipeline.Tarball;
using KernelCI.Pipeline.Tests.Git;

namespace KernelCI.Pipeline.Tests.Tarball;

public sealed class GitCacheTests
{
    [Fact]
    public async Task Corrupt_cache_is_wiped_and_cloned_again()
    {
        using var repository = await TestRepository.CreateAsync();
        var commit = await repository.CommitAsync("first", ("Makefile", TarballFixture.Makefile));
        var work = Directory.CreateTempSubdirectory("kernelci-cache-").FullName;
        try
        {
            var cache = new GitCache(new PipelineOptions { WorkDirectory = work }, new GitRunner());
            var broken = Path.Combine(cache.DirectoryOf("local"), ".git");
            Directory.CreateDirectory(broken);
            await File.WriteAllTextAsync(Path.Combine(broken, "HEAD"), "garbage");

            var directory = await cache.PrepareAsync("local", repository.Url, "main", commit, TestContext.Current.CancellationToken);

            Assert.Equal(commit, (await new GitRunner().RunAsync(directory, "rev-parse", "refs/remotes/local/main")).Trim());
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task Cache_fetches_a_commit_pushed_after_the_clone()
    {
        using var repository = await TestRepository.CreateAsync();
        var first = await repository.CommitAsync("first", ("Makefile", TarballFixture.Makefile));
        var work = Directory.CreateTempSubdirectory("kernelci-cache-").FullName;
        try
        {
            var cache = new GitCache(new PipelineOptions { WorkDirectory = work }, new GitRunner());
            await cache.PrepareAsync("local", repository.Url, "main", first, TestContext.Current.CancellationToken);
            var second = await repository.CommitAsync("second", ("README", "x\n"));

            var directory = await cache.PrepareAsync("local", repository.Url, "main", second, TestContext.Current.CancellationToken);

            Assert.Equal(second, (await new GitRunner().RunAsync(directory, "rev-parse", "refs/remotes/local/main")).Trim());
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
