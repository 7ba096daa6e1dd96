using KernelCI.Client.Bisection;
using TestGit = KernelCI.Testing.Git;

namespace KernelCI.Pipeline.Tests.Services.Bisection;

/// <summary>The files a culprit touches, read from the bisection's clone for `files` subscriptions
/// (docs/notifications.md, "Files subscriptions"), on a real git tree.</summary>
public sealed class CulpritFilesTests : IDisposable
{
    private readonly string _tree = Directory.CreateTempSubdirectory("kernelci-culprit-files-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> CommitAsync(params string[] files)
    {
        foreach (var file in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_tree, file))!);
            await File.AppendAllTextAsync(Path.Combine(_tree, file), "x\n", Ct);
        }

        await TestGit.RunAsync(_tree, "add", "-A");
        await TestGit.RunAsync(_tree, "commit", "-q", "-m", "change");
        return await TestGit.RunAsync(_tree, "rev-parse", "HEAD");
    }

    [Fact]
    public async Task Culprit_files_are_the_paths_the_commit_changes_from_the_top_of_the_tree()
    {
        await TestGit.RunAsync(_tree, "init", "-q", "-b", "main");
        var root = await CommitAsync("Makefile", "mm/slub.c");
        var culprit = await CommitAsync("drivers/net/phy/phy.c", "arch/x86/kvm/x86.c", "name with space.txt");

        var files = await BisectEngine.CommitFilesAsync(_tree, culprit, 1000, Ct);
        var first = await BisectEngine.CommitFilesAsync(_tree, root, 1000, Ct);

        Assert.Equal(["arch/x86/kvm/x86.c", "drivers/net/phy/phy.c", "name with space.txt"], files);
        Assert.Equal(["Makefile", "mm/slub.c"], first);
    }

    [Fact]
    public async Task Culprit_files_are_cut_at_the_cap()
    {
        await TestGit.RunAsync(_tree, "init", "-q", "-b", "main");
        var culprit = await CommitAsync([.. Enumerable.Range(0, 12).Select(i => $"f{i:D2}.c")]);

        var files = await BisectEngine.CommitFilesAsync(_tree, culprit, 10, Ct);

        Assert.Equal(10, files.Count);
    }

    public void Dispose() => Directory.Delete(_tree, recursive: true);
}
