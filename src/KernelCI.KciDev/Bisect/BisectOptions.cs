using System.CommandLine;

namespace KernelCI.KciDev.Bisect;

/// <summary>Upstream's `bisect` options with their defaults (kernelci/kci-dev:kcidev/subcommands/bisect.py).</summary>
internal sealed class BisectOptions
{
    public Option<string?> GitUrl { get; } = new("--giturl") { Description = "Git repository URL (or local path) of the kernel tree" };

    public Option<string?> Branch { get; } = new("--branch") { Description = "Git branch to bisect on" };

    public Option<string?> Good { get; } = new("--good") { Description = "Known good commit (SHA, short SHA, tag or ref)" };

    public Option<string?> Bad { get; } = new("--bad") { Description = "Known bad commit (SHA, short SHA, tag or ref)" };

    public Option<int> RetryFail { get; } = new("--retry-fail")
    {
        Description = "How many times a failing result is run again to confirm it",
        DefaultValueFactory = _ => 2,
    };

    public Option<string> WorkDir { get; } = new("--workdir")
    {
        Description = "Local folder for the git clone and the state file",
        DefaultValueFactory = _ => "kcidev-src",
    };

    public Option<bool> IgnoreState { get; } = new("--ignore-state") { Description = "Ignore the saved state and start a fresh bisection" };

    public Option<string> StateFile { get; } = new("--state-file")
    {
        Description = "State file name, inside the work folder",
        DefaultValueFactory = _ => "state.json",
    };

    public Option<string[]> JobFilter { get; } = new("--job-filter") { Description = "Job to run (repeatable), e.g. baseline-x86", AllowMultipleArgumentsPerToken = false };

    public Option<string[]> PlatformFilter { get; } = new("--platform-filter") { Description = "Platform to run on (repeatable), e.g. qemu-x86_64" };

    public Option<string?> Test { get; } = new("--test") { Description = "The test whose result decides: pass = good, other result = bad" };

    public IEnumerable<Option> All => [GitUrl, Branch, Good, Bad, RetryFail, WorkDir, IgnoreState, StateFile, JobFilter, PlatformFilter, Test];

    /// <summary>The options that describe a new bisection (given while resuming, they are ignored).</summary>
    public IEnumerable<Option> Starting => [GitUrl, Branch, Good, Bad, JobFilter, PlatformFilter, Test];
}
