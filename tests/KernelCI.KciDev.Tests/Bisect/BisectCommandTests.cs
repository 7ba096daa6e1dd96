using KernelCI.Client.Bisection;
using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Bisect;

/// <summary>`kci-dev bisect`: options, output, state file and errors, with a fake step runner over a real git repository.</summary>
public sealed class BisectCommandTests
{
    [Fact]
    public async Task Bisect_prints_the_first_bad_commit_with_subject_author_and_each_steps_evidence()
    {
        using var repository = await SmallRepository.CreateAsync(culprit: 5);
        using var harness = new KciDevHarness();
        var cli = new BisectCli(harness, FakeStepRunner.For(repository));

        var result = await cli.RunAsync(Start(repository));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Bisection complete. First bad commit: {repository.FirstBad}\nsubject: change 5\nauthor: KernelCI Test <test@kernelci.local>\n", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"  1\. [0-9a-f]{40} change \d: (good|bad)", result.Output);
        Assert.Matches(@"       baseline-x86 node-1 done/(pass|fail) http://storage/log-1", result.Output);
        Assert.DoesNotContain('\u001b', result.Output);
    }

    [Fact]
    public async Task Plain_output_keeps_long_log_links_on_one_line()
    {
        using var repository = await SmallRepository.CreateAsync();
        using var harness = new KciDevHarness();
        var log = "http://storage.example.org/" + new string('x', 150) + "/log.txt.gz";
        var runner = new LongLogRunner(repository, log);

        var result = await new BisectCli(harness, runner).RunAsync(Start(repository));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"       baseline-x86 node-1 done/fail {log}\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminal_output_runs_under_a_live_status_and_names_the_first_bad_commit()
    {
        using var repository = await SmallRepository.CreateAsync();
        using var harness = new KciDevHarness();

        var result = await new BisectCli(harness, FakeStepRunner.For(repository)) { IsTerminal = true }.RunAsync(Start(repository));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(repository.FirstBad, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Step_runner_gets_the_filters_test_and_retry_count_of_the_options()
    {
        using var repository = await SmallRepository.CreateAsync();
        using var harness = new KciDevHarness();
        var cli = new BisectCli(harness, FakeStepRunner.For(repository));

        await cli.RunAsync([.. Start(repository), "--job-filter", "kbuild-gcc-x86", "--retry-fail", "0"]);

        var state = Assert.Single(cli.RunnerStates);
        Assert.Equal(["baseline-x86", "kbuild-gcc-x86"], state.JobFilter);
        Assert.Equal(["qemu-x86_64"], state.PlatformFilter);
        Assert.Equal(("login", 0), (state.Test, state.RetryFail));
    }

    [Fact]
    public async Task State_file_is_kept_in_the_work_folder()
    {
        using var repository = await SmallRepository.CreateAsync();
        using var harness = new KciDevHarness();

        await new BisectCli(harness, FakeStepRunner.For(repository)).RunAsync([.. Start(repository), "--workdir", "src", "--state-file", "bisect.json"]);

        var state = await BisectStateFile.LoadAsync(Path.Combine(harness.WorkingDirectory, "src", "bisect.json"));
        Assert.Equal(repository.FirstBad, state!.FirstBad!.Sha);
    }

    [Fact]
    public async Task Run_again_without_options_resumes_from_the_state_file()
    {
        // Given a bisection stopped when the servers could not be reached
        using var repository = await SmallRepository.CreateAsync();
        using var harness = new KciDevHarness();
        var failing = FakeStepRunner.For(repository);
        failing.Throws[2] = failing.Throws[3] = failing.Throws[4] = new HttpRequestException("connection refused");
        var stopped = await new BisectCli(harness, failing) { Time = new ImmediateTimers() }.RunAsync(Start(repository));

        // When it is run again with no options
        var runner = FakeStepRunner.For(repository);
        var resumed = await new BisectCli(harness, runner).RunAsync();

        // Then it goes on from the state file and the first run is not repeated
        Assert.Equal(1, stopped.ExitCode);
        Assert.StartsWith("kci-dev: testing ", stopped.Error, StringComparison.Ordinal);
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("Resuming the bisection of " + repository.Path, resumed.Output, StringComparison.Ordinal);
        Assert.Contains("First bad commit: " + repository.FirstBad, resumed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(failing.Calls[0], runner.Calls);
    }

    [Fact]
    public async Task Finished_bisection_is_reported_again_without_testing()
    {
        using var repository = await SmallRepository.CreateAsync();
        using var harness = new KciDevHarness();
        await new BisectCli(harness, FakeStepRunner.For(repository)).RunAsync(Start(repository));
        var runner = FakeStepRunner.For(repository);

        var again = await new BisectCli(harness, runner).RunAsync(Start(repository));

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("First bad commit: " + repository.FirstBad, again.Output, StringComparison.Ordinal);
        Assert.Empty(runner.Calls);
        Assert.StartsWith("kci-dev: --giturl, --branch, --good, --bad, --job-filter, --platform-filter, --test ignored: resuming", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ignore_state_starts_a_new_bisection()
    {
        using var repository = await SmallRepository.CreateAsync();
        using var harness = new KciDevHarness();
        await new BisectCli(harness, FakeStepRunner.For(repository)).RunAsync(Start(repository));
        var runner = FakeStepRunner.For(repository);

        var again = await new BisectCli(harness, runner).RunAsync([.. Start(repository), "--ignore-state"]);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.NotEmpty(runner.Calls);
        Assert.DoesNotContain("Resuming", again.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--giturl")]
    [InlineData("--good")]
    [InlineData("--job-filter")]
    [InlineData("--test")]
    public async Task Missing_option_of_a_new_bisection_is_one_line_naming_it(string option)
    {
        using var repository = await SmallRepository.CreateAsync();
        using var harness = new KciDevHarness();
        var arguments = Start(repository).ToList();
        var at = arguments.IndexOf(option);
        arguments.RemoveRange(at, 2);

        var result = await new BisectCli(harness, FakeStepRunner.For(repository)).RunAsync([.. arguments]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"kci-dev: {option} is required to start a bisection\n", result.Error);
    }

    [Fact]
    public async Task Unknown_good_commit_is_one_line()
    {
        using var repository = await SmallRepository.CreateAsync();
        using var harness = new KciDevHarness();
        var arguments = Start(repository);
        arguments[Array.IndexOf(arguments, "--good") + 1] = "v0.0-nope";

        var result = await new BisectCli(harness, FakeStepRunner.For(repository)).RunAsync(arguments);

        Assert.Equal((1, "kci-dev: --good v0.0-nope: no such commit in the tree\n"), (result.ExitCode, result.Error));
    }

    [Fact]
    public async Task Good_after_bad_is_one_line()
    {
        using var repository = await SmallRepository.CreateAsync();
        using var harness = new KciDevHarness();
        var arguments = Start(repository);
        arguments[Array.IndexOf(arguments, "--good") + 1] = repository.Bad;
        arguments[Array.IndexOf(arguments, "--bad") + 1] = repository.Good;

        var result = await new BisectCli(harness, FakeStepRunner.For(repository)).RunAsync(arguments);

        Assert.Equal((1, $"kci-dev: --good {repository.Bad} is not an ancestor of --bad {repository.Good}\n"), (result.ExitCode, result.Error));
    }

    [Fact]
    public async Task Negative_retry_fail_is_refused()
    {
        using var repository = await SmallRepository.CreateAsync();
        using var harness = new KciDevHarness();

        var result = await new BisectCli(harness, FakeStepRunner.For(repository)).RunAsync([.. Start(repository), "--retry-fail", "-1"]);

        Assert.Equal((1, "kci-dev: --retry-fail -1: must be 0 or more\n"), (result.ExitCode, result.Error));
    }

    [Fact]
    public async Task Only_skipped_commits_left_lists_the_candidates_and_exits_1()
    {
        using var repository = await SmallRepository.CreateAsync();
        using var harness = new KciDevHarness();

        var result = await new BisectCli(harness, new FakeStepRunner((_, _) => StepVerdict.Skip)).RunAsync(Start(repository));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("only skipped commits left", result.Output, StringComparison.Ordinal);
        Assert.Contains(repository.FirstBad + " change 5", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bisect_without_a_config_file_is_one_line()
    {
        using var repository = await SmallRepository.CreateAsync();
        using var harness = new KciDevHarness();

        var result = await harness.RunAsync(["bisect", .. Start(repository)]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("kci-dev: ", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    private static string[] Start(SmallRepository repository) =>
    [
        "--giturl", repository.Path, "--branch", "main", "--good", repository.Good, "--bad", repository.Bad,
        "--job-filter", "baseline-x86", "--platform-filter", "qemu-x86_64", "--test", "login",
    ];

    /// <summary>Every run bad, with a log link longer than a console line.</summary>
    private sealed class LongLogRunner(SmallRepository repository, string log) : IBisectStepRunner
    {
        private int _calls;

        public Task<StepResult> RunAsync(string commit, CancellationToken cancellationToken)
        {
            var verdict = repository.IsBad(commit) ? StepVerdict.Bad : StepVerdict.Good;
            return Task.FromResult(new StepResult(verdict, [new StepNode("node-" + ++_calls, "baseline-x86", "done", "fail", log)]));
        }
    }
}
