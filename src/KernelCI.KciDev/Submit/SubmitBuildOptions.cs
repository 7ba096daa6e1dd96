using System.CommandLine;

namespace KernelCI.KciDev.Submit;

/// <summary>`submit build`'s options, upstream's names (kernelci/kci-dev:kcidev/subcommands/submit/options.py).</summary>
internal sealed class SubmitBuildOptions
{
    public Option<string?> Origin { get; } = new("--origin") { Description = "KCIDB origin name (CI system identifier)" };

    public Option<string?> KcidbRestUrl { get; } = new("--kcidb-rest-url") { Description = "KCIDB REST API URL (overrides KCIDB_REST and the config file)" };

    public Option<string?> KcidbToken { get; } = new("--kcidb-token") { Description = "KCIDB token (overrides KCIDB_REST and the config file)" };

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Print the JSON document without submitting it" };

    public Option<string?> GitFolder { get; } = new("--git-folder") { Description = "Git checkout to detect the URL, branch and commit from" };

    public Option<string?> GitUrl { get; } = new("--giturl") { Description = "Git repository URL" };

    public Option<string?> Branch { get; } = new("--branch") { Description = "Git branch name" };

    public Option<string?> Commit { get; } = new("--commit") { Description = "Full git commit hash" };

    public Option<string?> TreeName { get; } = new("--tree-name") { Description = "Tree name for dashboard grouping" };

    public Option<string?> PatchsetHash { get; } = new("--patchset-hash") { Description = "SHA256 patchset hash (empty: no patches)" };

    public Option<string?> Arch { get; } = new("--arch") { Description = "Target architecture (e.g. x86_64)" };

    public Option<string?> ConfigName { get; } = new("--config-name") { Description = "Build configuration name (e.g. defconfig)" };

    public Option<string?> Compiler { get; } = new("--compiler") { Description = "Compiler name and version (e.g. gcc-14)" };

    public Option<string?> Status { get; } = new("--status") { Description = "Build status: PASS, FAIL, ERROR, MISS, DONE or SKIP" };

    public Option<string?> StartTime { get; } = new("--start-time") { Description = "RFC 3339 build start time (default: now, UTC)" };

    public Option<string?> Duration { get; } = new("--duration") { Description = "Build duration in seconds" };

    public Option<string?> LogUrl { get; } = new("--log-url") { Description = "URL of the build log" };

    public Option<string?> ConfigUrl { get; } = new("--config-url") { Description = "URL of the build config" };

    public Option<string?> Comment { get; } = new("--comment") { Description = "Human-readable comment" };

    public Option<string?> Command { get; } = new("--command") { Description = "Shell command used for the build" };

    public Option<string?> FromJson { get; } = new("--from-json") { Description = "A complete KCIDB document (JSON file) to submit" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[]
        {
            Origin, KcidbRestUrl, KcidbToken, DryRun, GitFolder, GitUrl, Branch, Commit, TreeName, PatchsetHash,
            Arch, ConfigName, Compiler, Status, StartTime, Duration, LogUrl, ConfigUrl, Comment, Command, FromJson,
        })
        {
            command.Options.Add(option);
        }
    }
}
