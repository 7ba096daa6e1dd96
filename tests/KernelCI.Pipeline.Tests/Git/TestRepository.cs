using KernelCI.Pipeline.Git;

namespace KernelCI.Pipeline.Tests.Git;

/// <summary>A small real git repository in a temp folder, with commits made by the git CLI.</summary>
internal sealed class TestRepository : IDisposable
{
    private static readonly GitRunner Git = new();

    private TestRepository(string directory) => Directory = directory;

    public string Directory { get; }

    public string Url => "file://" + Directory;

    public static async Task<TestRepository> CreateAsync(string branch = "main")
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("kernelci-repo-").FullName;
        await Git.RunAsync(directory, "init", "--quiet", "-b", branch);
        return new TestRepository(directory);
    }

    /// <summary>Writes the files and commits them; returns the new commit id.</summary>
    public async Task<string> CommitAsync(string message, params (string Path, string Content)[] files)
    {
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(Directory, path);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, content);
        }

        await Git.RunAsync(Directory, "add", "-A");
        await Git.RunAsync(Directory, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "--quiet", "--allow-empty", "-m", message);
        return (await Git.RunAsync(Directory, "rev-parse", "HEAD")).Trim();
    }

    public Task TagAsync(string tag) =>
        Git.RunAsync(Directory, "-c", "user.name=Test", "-c", "user.email=test@example.com", "tag", "-a", "-m", tag, tag);

    public Task<string> RunAsync(params string[] arguments) => Git.RunAsync(Directory, arguments);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
