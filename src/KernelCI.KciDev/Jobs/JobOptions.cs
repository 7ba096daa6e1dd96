using System.CommandLine;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Jobs;

/// <summary>The options checkout and patchset share (kci-dev.md §2.1): job and platform filters, `--watch/-w`, `--test`.</summary>
internal sealed class JobOptions
{
    public Option<string[]> JobFilter { get; } = new("--job-filter")
    {
        Description = "Run (and watch) only this job, e.g. baseline-x86; repeat for more",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string[]> PlatformFilter { get; } = new("--platform-filter")
    {
        Description = "Run only on this platform, e.g. qemu-x86_64; repeat for more",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<bool> Watch { get; } = new("--watch", "-w") { Description = "Follow the jobs until they finish (needs --job-filter)" };

    public Option<string?> Test { get; } = new("--test") { Description = "With --watch: exit 0 if this test passes, 1 if not, 2 if it could not run" };

    public IEnumerable<Option> All => [JobFilter, PlatformFilter, Watch, Test];

    /// <summary>Upstream's usage rules: `--watch` needs a job filter, `--test` needs `--watch`.</summary>
    public (IReadOnlyList<string> Jobs, IReadOnlyList<string> Platforms, bool Watch, string? Test) Read(CommandSession session)
    {
        var jobs = session.Value(JobFilter) ?? [];
        var watch = session.Value(Watch);
        var test = session.Value(Test);
        if (watch && jobs.Length == 0)
        {
            throw new CliException("--watch: no job filter defined, can't watch for a job (add --job-filter NAME)");
        }

        if (test is not null && !watch)
        {
            throw new CliException("--test: only works with --watch");
        }

        return (jobs, session.Value(PlatformFilter) ?? [], watch, test);
    }
}
