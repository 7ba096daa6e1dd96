using System.CommandLine;
using KernelCI.KciDev.Results;

namespace KernelCI.KciDev.Maestro.Validate;

/// <summary>The options of `maestro validate builds` and `boots` (kci-dev.md §2.1); the revision ones are the
/// `results` commands' own, resolved the same way (local git checkout, tags, `--latest`).</summary>
internal sealed class ValidateOptions
{
    public RevisionOptions Revision { get; } = new();

    public Option<bool> AllCheckouts { get; } = new("--all-checkouts") { Description = "Validate the newest checkout of every tree of the last --days days" };

    public Option<int> Days { get; } = new("--days") { Description = "How many days back", DefaultValueFactory = _ => 7 };

    public Option<bool> History { get; } = new("--history") { Description = "Compare the build counts of every checkout of the tree and branch in the last --days days" };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Print the missing items" };

    public Option<bool> TableOutput { get; } = new("--table-output") { Description = "Print a table instead of a list" };

    public Option<bool> FailOnMismatch { get; } = new("--fail-on-mismatch") { Description = "Exit with status 1 when anything does not match" };

    public void AddTo(Command command, bool history)
    {
        foreach (var option in new Option[]
        {
            AllCheckouts, Days, Revision.Origin, Revision.GitUrl, Revision.Branch, Revision.Commit, Revision.GitFolder, Revision.Latest,
            Revision.Arch, Verbose, TableOutput, Revision.Json, FailOnMismatch,
        })
        {
            command.Options.Add(option);
        }

        if (history)
        {
            command.Options.Add(History);
        }
    }
}
