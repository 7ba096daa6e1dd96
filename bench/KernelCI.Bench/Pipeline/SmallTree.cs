using KernelCI.Testing;

namespace KernelCI.Bench.Pipeline;

/// <summary>A tiny git tree for the many-trees run: its tarball is instant, so the time left is orchestration.</summary>
internal sealed class SmallTree
{
    private SmallTree(string name, string path)
    {
        Name = name;
        Path = path;
    }

    public string Name { get; }

    public string Path { get; }

    public string Url => "file://" + Path;

    public string Head { get; private set; } = "";

    public static async Task<SmallTree> CreateAsync(string root, string name)
    {
        var path = System.IO.Path.Combine(root, "trees", name);
        Directory.CreateDirectory(path);
        await Git.RunAsync(path, "init", "-q", "-b", "main");
        var tree = new SmallTree(name, path);
        // Each tree's own content: identical trees would make identical commits, and one commit is checked out once.
        await tree.CommitAsync($"first commit of {name}");
        await Git.RunAsync(path, "tag", "-a", "v6.1", "-m", "v6.1", "HEAD~0");
        return tree;
    }

    public async Task CommitAsync(string message)
    {
        await File.AppendAllTextAsync(System.IO.Path.Combine(Path, "README"), $"{Name}: {message}\n");
        await Git.RunAsync(Path, "add", "README");
        await Git.RunAsync(Path, "commit", "-q", "-m", message);
        Head = await Git.RunAsync(Path, "rev-parse", "HEAD");
    }
}
