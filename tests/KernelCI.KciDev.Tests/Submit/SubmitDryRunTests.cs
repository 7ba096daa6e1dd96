using System.Text.Json.Nodes;
using KernelCI.KciDev.Tests.Servers;
using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Submit;

/// <summary>`submit build --dry-run`: the KCIDB document and its deterministic IDs are upstream's (kci-dev.md §2.3).</summary>
public sealed class SubmitDryRunTests : IDisposable
{
    private static readonly string[] Build =
    [
        "submit", "build", "--dry-run", "--origin", "myci", "--giturl", "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git",
        "--branch", "master", "--commit", "0123456789abcdef0123456789abcdef01234567", "--tree-name", "mainline", "--arch", "x86_64",
        "--config-name", "defconfig", "--compiler", "gcc-14", "--status", "PASS", "--start-time", "2026-12-06T10:00:00+00:00",
        "--duration", "12", "--log-url", "https://logs.example.org/build.log", "--comment", "Grüße", "--command", "make -j8",
    ];

    private readonly KciDevHarness _kciDev = new();
    private readonly UpstreamKciDev _upstream = new("");

    [Fact]
    public async Task Dry_run_prints_upstreams_document_and_ids()
    {
        var ours = await _kciDev.RunAsync(Build);
        var theirs = await _upstream.RunAsync(Build);

        Assert.True(theirs.ExitCode == 0, theirs.ToString());
        Assert.Equal(theirs.Output, ours.Output);
        var build = JsonNode.Parse(ours.Output)!["builds"]![0]!;
        Assert.StartsWith("myci:b-", build["id"]!.ToString());
    }

    [Fact]
    public async Task Dry_run_with_patchset_and_no_branch_matches_upstream()
    {
        string[] arguments = ["submit", "build", "--dry-run", "--origin", "o", "--giturl", "https://example.org/linux.git", "--commit", "abc",
            "--patchset-hash", "ff00", "--start-time", "2026-01-01T00:00:00Z"];

        var ours = await _kciDev.RunAsync(arguments);
        var theirs = await _upstream.RunAsync(arguments);

        Assert.True(theirs.ExitCode == 0, theirs.ToString());
        Assert.Equal(theirs.Output, ours.Output);
    }

    [Fact]
    public async Task Default_start_time_is_now_written_as_python_does()
    {
        _kciDev.Time = new FixedClock(new DateTimeOffset(2026, 12, 6, 10, 0, 0, 250, TimeSpan.Zero));

        var result = await _kciDev.RunAsync("submit", "build", "--dry-run", "--origin", "o", "--giturl", "https://example.org/l.git", "--commit", "abc");

        Assert.Equal("2026-12-06T10:00:00.250000+00:00", JsonNode.Parse(result.Output)!["builds"]![0]!["start_time"]!.ToString());
    }

    [Fact]
    public async Task From_json_takes_the_document_and_replaces_origins()
    {
        var file = Path.Combine(_kciDev.WorkingDirectory, "doc.json");
        File.WriteAllText(file, """{"version":{"major":5,"minor":3},"builds":[{"id":"a:1","origin":"a","checkout_id":"a:c"}],"tests":[{"id":"a:t","origin":"a","build_id":"a:1"}]}""");

        var result = await _kciDev.RunAsync("submit", "build", "--dry-run", "--from-json", "doc.json", "--origin", "b");

        var document = JsonNode.Parse(result.Output)!;
        Assert.Equal("b", document["builds"]![0]!["origin"]!.ToString());
        Assert.Equal("b", document["tests"]![0]!["origin"]!.ToString());
    }

    [Fact]
    public async Task Git_folder_gives_url_branch_and_commit()
    {
        var repository = Path.Combine(_kciDev.WorkingDirectory, "linux");
        Directory.CreateDirectory(repository);
        await KernelCI.Testing.Git.RunAsync(repository, "init", "-q", "-b", "next");
        await KernelCI.Testing.Git.RunAsync(repository, "remote", "add", "origin", "git@example.org:kernel/linux.git");
        await KernelCI.Testing.Git.RunAsync(repository, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "--allow-empty", "-m", "one");
        var head = (await KernelCI.Testing.Git.RunAsync(repository, "rev-parse", "HEAD")).Trim();

        var result = await _kciDev.RunAsync("submit", "build", "--dry-run", "--origin", "o", "--git-folder", "linux", "--start-time", "t");

        var checkout = JsonNode.Parse(result.Output)!["checkouts"]![0]!;
        Assert.Equal("https://example.org/kernel/linux.git", checkout["git_repository_url"]!.ToString());
        Assert.Equal("next", checkout["git_repository_branch"]!.ToString());
        Assert.Equal(head, checkout["git_commit_hash"]!.ToString());
    }

    [Theory]
    [InlineData("--status", "pass", "kci-dev: --status pass: must be one of PASS, FAIL, ERROR, MISS, DONE, SKIP")]
    [InlineData("--duration", "soon", "kci-dev: --duration soon: not a number of seconds")]
    [InlineData("--from-json", "missing.json", "kci-dev: --from-json missing.json: no such file")]
    [InlineData("--git-folder", "nowhere", "kci-dev: --git-folder")]
    public async Task Bad_option_is_named_in_one_line(string option, string value, string message)
    {
        var result = await _kciDev.RunAsync("submit", "build", "--dry-run", "--origin", "o", "--giturl", "u", "--commit", "c", option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(message, result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--giturl", "u", "kci-dev: --origin is required (or use --from-json)")]
    [InlineData("--origin", "o", "kci-dev: --giturl and --commit are required (or use --git-folder or --from-json)")]
    public async Task Missing_identity_is_refused(string option, string value, string message)
    {
        var result = await _kciDev.RunAsync("submit", "build", "--dry-run", option, value);

        Assert.Equal(message + "\n", result.Error);
    }

    public void Dispose()
    {
        _kciDev.Dispose();
        _upstream.Dispose();
    }
}
