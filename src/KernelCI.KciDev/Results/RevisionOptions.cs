using System.CommandLine;

namespace KernelCI.KciDev.Results;

/// <summary>The options every `results` command about one revision takes (upstream's `common_options`, kci-dev.md
/// §2.2): origin, tree URL, branch, git folder, commit or tag, `--latest`, arch, tree name and `--json`.</summary>
internal sealed class RevisionOptions
{
    public Option<string> Origin { get; } = new("--origin") { Description = "KCIDB origin", DefaultValueFactory = _ => "maestro" };

    public Option<string?> GitUrl { get; } = new("--giturl") { Description = "Git URL of the kernel tree (default: the local checkout's origin)" };

    public Option<string?> Branch { get; } = new("--branch") { Description = "Branch (default: the local checkout's)" };

    public Option<string?> GitFolder { get; } = new("--git-folder") { Description = "Local git checkout to detect the tree, branch and commit from" };

    public Option<string?> Commit { get; } = new("--commit") { Description = "Commit, short hash or tag (default: the local checkout's HEAD)" };

    public Option<bool> Latest { get; } = new("--latest") { Description = "The newest commit the dashboard has for the tree and branch" };

    public Option<string?> Arch { get; } = new("--arch") { Description = "Filter by architecture" };

    public Option<string?> Tree { get; } = new("--tree") { Description = "Filter by tree name" };

    public Option<bool> Json { get; } = new("--json") { Description = "Print JSON" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Origin, GitUrl, Branch, GitFolder, Commit, Latest, Arch, Tree, Json })
        {
            command.Options.Add(option);
        }
    }
}
