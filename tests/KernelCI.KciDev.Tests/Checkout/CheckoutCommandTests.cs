using KernelCI.KciDev.Tests.Pipeline;
using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Checkout;

/// <summary>`checkout` against the real pipeline API and Maestro (kci-dev.md §2.1).</summary>
public sealed class CheckoutCommandTests(PipelineServersFixture fixture) : IClassFixture<PipelineServersFixture>, IDisposable
{
    private static readonly string Commit = new('b', 40);

    private readonly PipelineKciDev _kciDev = new(fixture.Servers, fixture.Servers.Token("checkout"));

    private PipelineServers Servers => fixture.Servers;

    [Fact]
    public async Task Checkout_posts_upstreams_body_with_the_raw_token_and_prints_the_node()
    {
        var result = await _kciDev.RunAsync("checkout", "--giturl", PipelineServers.TreeUrl, "--branch", "main", "--commit", Commit,
            "--job-filter", "kbuild-gcc-x86", "--job-filter", "baseline-x86", "--platform-filter", "qemu-x86_64");

        Assert.Equal(0, result.ExitCode);
        var (request, body) = _kciDev.PipelineRequest();
        Assert.Equal(("POST", "/api/checkout", Servers.Token("checkout")), (request.Method, request.PathAndQuery, request.Authorization));
        Assert.Equal($$"""{"url":"{{PipelineServers.TreeUrl}}","branch":"main","commit":"{{Commit}}","jobfilter":["kbuild-gcc-x86","baseline-x86"],"platformfilter":["qemu-x86_64"]}""",
            body.ToJsonString());
        var node = (await Servers.Maestro.GetNodesFastAsync(new Client.Maestro.NodeFilter().Where("data.kernel_revision.commit", Commit), TestContext.Current.CancellationToken))
            .Single(n => n.Jobfilter?.Count == 2);
        Assert.Equal($"OK\ntreeid: {node.Treeid}\ncheckout_nodeid: {node.Id}\n", result.Output);
    }

    [Fact]
    public async Task Checkout_without_job_filter_warns_and_sends_a_null_filter()
    {
        var result = await _kciDev.RunAsync("checkout", "--giturl", PipelineServers.TreeUrl, "--branch", "main", "--commit", Commit);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("No job filter defined. All jobs will be triggered!\nOK\n", result.Output);
        var (_, body) = _kciDev.PipelineRequest();
        Assert.Null(body["jobfilter"]);
        Assert.Equal("[]", body["platformfilter"]!.ToJsonString());
    }

    [Theory]
    [InlineData("--watch", "kci-dev: --watch: no job filter defined, can't watch for a job (add --job-filter NAME)")]
    [InlineData("--test=login", "kci-dev: --test: only works with --watch")]
    public async Task Checkout_usage_errors_are_one_line_and_send_nothing(string option, string error)
    {
        var result = await _kciDev.RunAsync("checkout", "--giturl", PipelineServers.TreeUrl, "--branch", "main", "--commit", Commit, option);

        Assert.Equal((1, error + "\n"), (result.ExitCode, result.Error));
        Assert.Empty(_kciDev.Requests);
    }

    [Fact]
    public async Task Checkout_without_commit_or_tipoftree_is_refused()
    {
        var result = await _kciDev.RunAsync("checkout", "--giturl", PipelineServers.TreeUrl, "--branch", "main");

        Assert.Equal((1, "kci-dev: --commit: no commit defined (give --commit SHA or --tipoftree)\n"), (result.ExitCode, result.Error));
    }

    [Fact]
    public async Task Checkout_without_giturl_names_the_option()
    {
        var result = await _kciDev.RunAsync("checkout", "--branch", "main", "--commit", Commit);

        Assert.Equal((1, "kci-dev: --giturl: required\n"), (result.ExitCode, result.Error));
    }

    [Fact]
    public async Task Checkout_tipoftree_sends_the_branch_head()
    {
        // Given a repository whose main branch head is known (the server refuses its file URL: not a configured tree)
        var repository = Path.Combine(_kciDev.Harness.WorkingDirectory, "linux");
        var head = await RepositoryAsync(repository);

        var result = await _kciDev.RunAsync("checkout", "--giturl", repository, "--branch", "main", "--tipoftree", "--job-filter", "kbuild-gcc-x86");

        Assert.Contains($"Commit to checkout: {head}\n", result.Output);
        Assert.Equal(head, _kciDev.PipelineRequest().Body["commit"]!.ToString());
        Assert.Equal(64, result.ExitCode);
    }

    [Fact]
    public async Task Checkout_tipoftree_of_a_missing_branch_is_refused_before_posting()
    {
        var repository = Path.Combine(_kciDev.Harness.WorkingDirectory, "linux");
        await RepositoryAsync(repository);

        var result = await _kciDev.RunAsync("checkout", "--giturl", repository, "--branch", "nope", "--tipoftree");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"kci-dev: --tipoftree: unable to retrieve the latest commit of {repository} branch nope. Wrong tree/branch?\n", result.Error);
        Assert.Empty(_kciDev.Requests);
    }

    [Fact]
    public async Task Checkout_refused_by_the_pipeline_exits_64_with_its_reply()
    {
        var result = await _kciDev.RunAsync("checkout", "--giturl", PipelineServers.TreeUrl, "--branch", "main", "--commit", Commit, "--job-filter", "no-such-job");

        Assert.Equal(64, result.ExitCode);
        Assert.StartsWith("kci-dev: pipeline: HTTP 400: {\"message\":\"jobfilter: ", result.Error);
        Assert.Single(result.Error.Trim('\n').Split('\n'));
    }

    public void Dispose() => _kciDev.Dispose();

    private static async Task<string> RepositoryAsync(string path)
    {
        Directory.CreateDirectory(path);
        await KernelCI.Testing.Git.RunAsync(path, "init", "-q", "-b", "main");
        await KernelCI.Testing.Git.RunAsync(path, "commit", "-q", "--allow-empty", "-m", "first");
        return await KernelCI.Testing.Git.RunAsync(path, "rev-parse", "HEAD");
    }
}
