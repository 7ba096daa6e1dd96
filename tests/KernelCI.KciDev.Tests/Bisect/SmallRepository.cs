using TestGit = KernelCI.Testing.Git;

namespace KernelCI.KciDev.Tests.Bisect;

/// <summary>A real git repository for bisection tests: a good root commit and eight commits on it, one of which (by
/// default the fifth) "breaks" the tree; commits are listed oldest first.</summary>
internal sealed class SmallRepository : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kernelci-bisect-").FullName;

    private SmallRepository()
    {
    }

    public string Path => System.IO.Path.Combine(_root, "tree");

    /// <summary>Where the engine keeps its clone.</summary>
    public string WorkDirectory => System.IO.Path.Combine(_root, "work");

    public string StateFile => System.IO.Path.Combine(WorkDirectory, "state.json");

    public List<string> Commits { get; } = [];

    public string Good => Commits[0];

    public string Bad => Commits[^1];

    public int Culprit { get; private set; }

    public string FirstBad => Commits[Culprit];

    public static async Task<SmallRepository> CreateAsync(int culprit = 5)
    {
        var repository = new SmallRepository { Culprit = culprit };
        Directory.CreateDirectory(repository.Path);
        await TestGit.RunAsync(repository.Path, "init", "-q", "-b", "main");
        for (var i = 0; i <= 8; i++)
        {
            await repository.CommitAsync(i == 0 ? "root: works" : $"change {i}");
        }

        return repository;
    }

    /// <summary>One more commit on main.</summary>
    public async Task<string> CommitAsync(string subject)
    {
        await File.WriteAllTextAsync(System.IO.Path.Combine(Path, "value"), $"{Commits.Count}\n");
        await TestGit.RunAsync(Path, "add", "value");
        await TestGit.RunAsync(Path, "commit", "-q", "-m", subject);
        Commits.Add(await TestGit.RunAsync(Path, "rev-parse", "HEAD"));
        return Commits[^1];
    }

    /// <summary>Whether a commit contains the culprit.</summary>
    public bool IsBad(string commit) => Commits.IndexOf(commit) >= Culprit;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
