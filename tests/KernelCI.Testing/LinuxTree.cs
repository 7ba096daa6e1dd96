using System.Diagnostics;

namespace KernelCI.Testing;

/// <summary>A bare git repository made from Debian's linux-source-6.1 (scripts/prepare-linux-tree.sh), made once per
/// machine and shared; each test gets a cheap clone of it to push commits into, as a developer pushes to a tree.</summary>
public sealed class LinuxTree
{
    private static readonly SemaphoreSlim Preparing = new(1, 1);

    private LinuxTree(string path) => Path = path;

    /// <summary>The pristine repository (KERNELCI_TEST_LINUX_TREE, default /tmp/kernelci-linux-6.1.git).</summary>
    public static string Pristine => Environment.GetEnvironmentVariable("KERNELCI_TEST_LINUX_TREE") ?? "/tmp/kernelci-linux-6.1.git";

    /// <summary>The bare repository a pipeline polls; push commits into it with <see cref="CommitAsync"/>.</summary>
    public string Path { get; }

    public string Url => "file://" + Path;

    public static async Task<LinuxTree> CloneAsync(string directory)
    {
        await Preparing.WaitAsync();
        try
        {
            using var process = Process.Start(new ProcessStartInfo("bash") { ArgumentList = { System.IO.Path.Combine(RepositoryPaths.Root, "scripts", "prepare-linux-tree.sh"), Pristine } })!;
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException("scripts/prepare-linux-tree.sh failed");
            }
        }
        finally
        {
            Preparing.Release();
        }

        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, "linux.git");
        await Git.RunAsync(directory, "clone", "-q", "--bare", "--shared", Pristine, path);
        return new LinuxTree(path);
    }

    public Task<string> HeadAsync(string branch = "main") => Git.RunAsync(Path, "rev-parse", "refs/heads/" + branch);

    /// <summary>Commits new contents for files on top of the branch without a work tree (a temporary index), as if a
    /// developer had pushed; returns the new commit.</summary>
    public async Task<string> CommitAsync(string message, IReadOnlyDictionary<string, string> files, string branch = "main")
    {
        var parent = await HeadAsync(branch);
        var commit = await CommitOnAsync(parent, message, files);
        await Git.RunAsync(Path, "update-ref", "refs/heads/" + branch, commit, parent);
        return commit;
    }

    /// <summary>Commits a series on top of the branch and only then moves the branch to the last one, as one `git push`
    /// of several commits: a pipeline polling the branch sees its head go from the old head to the new one, never a
    /// commit in between. Returns the commits in order.</summary>
    public async Task<IReadOnlyList<string>> PushAsync(IReadOnlyList<(string Message, IReadOnlyDictionary<string, string> Files)> series, string branch = "main")
    {
        var head = await HeadAsync(branch);
        var parent = head;
        var commits = new List<string>();
        foreach (var (message, files) in series)
        {
            parent = await CommitOnAsync(parent, message, files);
            commits.Add(parent);
        }

        await Git.RunAsync(Path, "update-ref", "refs/heads/" + branch, parent, head);
        return commits;
    }

    /// <summary>The contents of a file at a commit (or a ref).</summary>
    public Task<string> ShowAtAsync(string commit, string file) => Git.RunAsync(Path, "show", $"{commit}:{file}");

    private async Task<string> CommitOnAsync(string parent, string message, IReadOnlyDictionary<string, string> files)
    {
        var index = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kernelci-index-{Guid.NewGuid():N}");
        var environment = new Dictionary<string, string> { ["GIT_INDEX_FILE"] = index };
        try
        {
            await Git.RunAsync(Path, environment, "read-tree", parent);
            foreach (var (file, content) in files)
            {
                var blobFile = index + ".blob";
                await File.WriteAllTextAsync(blobFile, content);
                var blob = await Git.RunAsync(Path, "hash-object", "-w", blobFile);
                File.Delete(blobFile);
                await Git.RunAsync(Path, environment, "update-index", "--add", "--cacheinfo", $"100644,{blob},{file}");
            }

            var tree = await Git.RunAsync(Path, environment, "write-tree");
            return await Git.RunAsync(Path, "commit-tree", tree, "-p", parent, "-m", message);
        }
        finally
        {
            File.Delete(index);
        }
    }

    /// <summary>The current contents of a file on the branch.</summary>
    public Task<string> ShowAsync(string file, string branch = "main") => Git.RunAsync(Path, "show", $"refs/heads/{branch}:{file}");
}
