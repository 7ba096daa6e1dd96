using KernelCI.Client.Bisection;

namespace KernelCI.KciDev.Tests.Bisect;

/// <summary>The bisection engine over a real small git repository and a fake step runner.</summary>
public sealed class BisectEngineTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Bisection_names_the_first_bad_commit_with_subject_and_author()
    {
        using var repository = await SmallRepository.CreateAsync(culprit: 5);
        var runner = FakeStepRunner.For(repository);

        var result = await Engine(runner).RunAsync(State(repository), repository.WorkDirectory, repository.StateFile, null, None);

        Assert.Equal(repository.FirstBad, result.FirstBad!.Sha);
        Assert.Equal("change 5", result.FirstBad.Subject);
        Assert.Equal("KernelCI Test <test@kernelci.local>", result.FirstBad.Author);
        Assert.All(result.Steps, s => Assert.Equal(repository.IsBad(s.Commit) ? StepVerdict.Bad : StepVerdict.Good, s.Verdict));
        Assert.All(result.Steps, s => Assert.NotEmpty(s.Runs[0].Nodes));
    }

    [Fact]
    public async Task Bad_result_is_confirmed_by_running_it_retry_fail_more_times()
    {
        using var repository = await SmallRepository.CreateAsync();
        var runner = FakeStepRunner.For(repository);

        var result = await Engine(runner).RunAsync(State(repository, retryFail: 2), repository.WorkDirectory, repository.StateFile, null, None);

        Assert.All(result.Steps.Where(s => s.Verdict == StepVerdict.Bad), s => Assert.Equal(3, s.Runs.Count));
        Assert.All(result.Steps.Where(s => s.Verdict == StepVerdict.Good), s => Assert.Single(s.Runs));
        Assert.Equal(result.Steps.Sum(s => s.Runs.Count), runner.Calls.Count);
    }

    [Fact]
    public async Task Flaky_step_whose_runs_disagree_is_retried_then_skipped()
    {
        // Given a good commit, the first one tested, whose first run fails by chance
        using var repository = await SmallRepository.CreateAsync(culprit: 7);
        string? flaky = null;
        var runner = new FakeStepRunner((commit, asked) =>
        {
            flaky ??= commit;
            return commit == flaky && asked == 1 || repository.IsBad(commit) ? StepVerdict.Bad : StepVerdict.Good;
        });

        var result = await Engine(runner).RunAsync(State(repository, retryFail: 2), repository.WorkDirectory, repository.StateFile, null, None);

        // Then it is run three times, skipped as flaky, and the bisection still ends on the culprit
        var step = Assert.Single(result.Steps, s => s.Commit == flaky);
        Assert.Equal(3, step.Runs.Count);
        Assert.Equal(StepVerdict.Skip, step.Verdict);
        Assert.Contains("flaky", step.Note, StringComparison.Ordinal);
        Assert.Equal(repository.FirstBad, result.FirstBad!.Sha);
    }

    [Fact]
    public async Task Skipped_commit_is_passed_over()
    {
        // Given a first tested commit that gives no result, not next to the culprit
        using var repository = await SmallRepository.CreateAsync(culprit: 7);
        string? noResult = null;
        var runner = new FakeStepRunner((commit, _) =>
        {
            noResult ??= commit;
            return commit == noResult ? StepVerdict.Skip : repository.IsBad(commit) ? StepVerdict.Bad : StepVerdict.Good;
        });

        var result = await Engine(runner).RunAsync(State(repository, retryFail: 0), repository.WorkDirectory, repository.StateFile, null, None);

        Assert.Equal(repository.FirstBad, result.FirstBad!.Sha);
        Assert.Equal(StepVerdict.Skip, Assert.Single(result.Steps, s => s.Commit == noResult).Verdict);
    }

    [Fact]
    public async Task Only_skipped_commits_left_ends_with_the_candidates()
    {
        using var repository = await SmallRepository.CreateAsync(culprit: 5);
        var runner = new FakeStepRunner((_, _) => StepVerdict.Skip);

        var result = await Engine(runner).RunAsync(State(repository), repository.WorkDirectory, repository.StateFile, null, None);

        Assert.Null(result.FirstBad);
        Assert.Equal(repository.Commits.Skip(1).Order(), result.Candidates.Select(c => c.Sha).Order());
    }

    [Fact]
    public async Task Interrupted_bisection_resumes_from_its_state_without_running_finished_steps_again()
    {
        // Given a bisection interrupted during its third run
        using var repository = await SmallRepository.CreateAsync(culprit: 3);
        var first = FakeStepRunner.For(repository);
        first.Throws[3] = new OperationCanceledException("killed");
        await Assert.ThrowsAsync<OperationCanceledException>(() =>
            Engine(first).RunAsync(State(repository), repository.WorkDirectory, repository.StateFile, null, None));

        // When it starts again from the state file alone
        var state = await BisectStateFile.LoadAsync(repository.StateFile);
        var second = FakeStepRunner.For(repository);
        var result = await Engine(second).RunAsync(state!, repository.WorkDirectory, repository.StateFile, null, None);

        // Then the two runs that had finished are kept, and the interrupted one runs again
        Assert.Equal(repository.FirstBad, result.FirstBad!.Sha);
        Assert.Equal(first.Calls[2], second.Calls[0]);
        Assert.Equal(result.Steps.Sum(s => s.Runs.Count), 2 + second.Calls.Count);
    }

    [Fact]
    public async Task Transient_runner_failure_is_retried_after_2_then_4_seconds()
    {
        using var repository = await SmallRepository.CreateAsync();
        var runner = FakeStepRunner.For(repository);
        runner.Throws[1] = new HttpRequestException("connection refused");
        runner.Throws[2] = new BisectStepException("Maestro failed");
        var timers = new ImmediateTimers();

        var result = await new BisectEngine(runner, timers).RunAsync(State(repository), repository.WorkDirectory, repository.StateFile, null, None);

        Assert.Equal(repository.FirstBad, result.FirstBad!.Sha);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], timers.Waits);
    }

    [Fact]
    public async Task Runner_failing_three_times_stops_with_the_state_kept()
    {
        using var repository = await SmallRepository.CreateAsync();
        var runner = FakeStepRunner.For(repository);
        for (var call = 1; call <= 3; call++)
        {
            runner.Throws[call] = new HttpRequestException("connection refused");
        }

        var error = await Assert.ThrowsAsync<BisectionException>(() =>
            new BisectEngine(runner, new ImmediateTimers()).RunAsync(State(repository), repository.WorkDirectory, repository.StateFile, null, None));

        Assert.Contains("failed 3 times", error.Message, StringComparison.Ordinal);
        Assert.NotNull((await BisectStateFile.LoadAsync(repository.StateFile))!.GoodSha);
    }

    [Fact]
    public async Task Good_that_is_not_an_ancestor_of_bad_is_refused()
    {
        using var repository = await SmallRepository.CreateAsync();

        var error = await Assert.ThrowsAsync<BisectionException>(() => Engine(FakeStepRunner.For(repository)).RunAsync(
            State(repository) with { Good = repository.Commits[6], Bad = repository.Commits[3] }, repository.WorkDirectory, repository.StateFile, null, None));

        Assert.Equal($"--good {repository.Commits[6]} is not an ancestor of --bad {repository.Commits[3]}", error.Message);
    }

    [Fact]
    public async Task Unknown_commit_is_refused_naming_the_option()
    {
        using var repository = await SmallRepository.CreateAsync();

        var error = await Assert.ThrowsAsync<BisectionException>(() => Engine(FakeStepRunner.For(repository)).RunAsync(
            State(repository) with { Bad = "v9.9" }, repository.WorkDirectory, repository.StateFile, null, None));

        Assert.Equal("--bad v9.9: no such commit in the tree", error.Message);
    }

    [Fact]
    public async Task Short_sha_and_tag_are_resolved_to_full_shas()
    {
        using var repository = await SmallRepository.CreateAsync();
        await KernelCI.Testing.Git.RunAsync(repository.Path, "tag", "v1.0", repository.Good);

        await Engine(FakeStepRunner.For(repository)).RunAsync(State(repository) with { Good = "v1.0", Bad = repository.Bad[..10] },
            repository.WorkDirectory, repository.StateFile, null, None);

        var state = await BisectStateFile.LoadAsync(repository.StateFile);
        Assert.Equal((repository.Good, repository.Bad), (state!.GoodSha, state.BadSha));
    }

    [Fact]
    public async Task Reused_work_folder_is_fetched_and_the_branch_name_means_its_new_head()
    {
        // Given a finished bisection, then a commit pushed to the tree
        using var repository = await SmallRepository.CreateAsync();
        await Engine(FakeStepRunner.For(repository)).RunAsync(State(repository), repository.WorkDirectory, repository.StateFile, null, None);
        var pushed = await repository.CommitAsync("change 9");

        // When a new bisection in the same work folder names the branch as its bad commit
        await Engine(FakeStepRunner.For(repository)).RunAsync(State(repository) with { Bad = "main" }, repository.WorkDirectory, repository.StateFile, null, None);

        var state = await BisectStateFile.LoadAsync(repository.StateFile);
        Assert.Equal(pushed, state!.BadSha);
        Assert.Equal(repository.FirstBad, state.FirstBad!.Sha);
    }

    private static BisectEngine Engine(IBisectStepRunner runner) => new(runner, TimeProvider.System);

    private static BisectState State(SmallRepository repository, int retryFail = 2) => new()
    {
        Giturl = repository.Path,
        Branch = "main",
        Good = repository.Good,
        Bad = repository.Bad,
        RetryFail = retryFail,
    };
}
