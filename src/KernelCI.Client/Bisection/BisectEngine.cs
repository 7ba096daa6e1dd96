using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KernelCI.Client.Bisection;

/// <summary>Runs a bisection to its end: prepares the work folder, resolves the commits, then asks the step runner
/// about each commit git bisect chooses, saving the state after every run so that an interrupted bisection resumes
/// where it stopped. kci-dev's `bisect` runs it, and the pipeline's automatic bisection of regressions will.</summary>
public sealed class BisectEngine(IBisectStepRunner runner, TimeProvider time, ILogger? logger = null)
{
    /// <summary>Tries of one run when the runner fails for a transient reason, waiting 2 s then 4 s between them
    /// (upstream's Maestro retries: kernelci/kci-dev:kcidev/subcommands/bisect.py).</summary>
    public const int TransientTries = 3;

    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>Bisects from <paramref name="state"/> (new or loaded from <paramref name="stateFile"/>), keeping the work
    /// folder in <paramref name="workDirectory"/>.</summary>
    public async Task<BisectResult> RunAsync(BisectState state, string workDirectory, string stateFile,
        IProgress<BisectUpdate>? progress = null, CancellationToken cancellationToken = default)
    {
        if (state.IsComplete)
        {
            return BisectResult.From(state);
        }

        var work = new BisectWorkTree(workDirectory);
        progress?.Report(new BisectUpdate(BisectUpdateKind.Info, $"Preparing {workDirectory} from {state.Giturl} ({state.Branch})"));
        await work.PrepareAsync(state.Giturl, state.Branch, cancellationToken);
        state = await ResolveAsync(work, state, cancellationToken);
        await BisectStateFile.SaveAsync(stateFile, state, CancellationToken.None);
        BisectLog.Started(_logger, state.Giturl, state.Branch, state.GoodSha!, state.BadSha!, state.Steps.Count);

        while (true)
        {
            var position = await GitBisect.ReplayAsync(work.Git, state, cancellationToken);
            if (position.Next is not { } commit)
            {
                state = await FinishAsync(work, state, position, cancellationToken);
                await BisectStateFile.SaveAsync(stateFile, state, CancellationToken.None);
                await GitBisect.ResetAsync(work.Git, CancellationToken.None);
                return BisectResult.From(state);
            }

            var step = state.Current is { } current && current.Commit == commit
                ? current
                : new BisectStep(commit, (await work.DescribeAsync(commit, cancellationToken)).Subject, []);
            while (StepDecision.Decide(step.Runs, state.RetryFail) is not { } decision)
            {
                var run = step.Runs.Count + 1;
                progress?.Report(new BisectUpdate(BisectUpdateKind.RunStarted, $"Testing {commit} ({step.Subject}), run {run}")
                {
                    Commit = commit, Subject = step.Subject, Run = run, Remaining = position.Remaining,
                });
                var result = await RunStepAsync(commit, run, progress, cancellationToken);
                step = step with { Runs = [.. step.Runs, result] };
                state = state with { Current = step };
                await BisectStateFile.SaveAsync(stateFile, state, CancellationToken.None);
                BisectLog.RunFinished(_logger, commit, run, result.Verdict);
                progress?.Report(new BisectUpdate(BisectUpdateKind.RunFinished, $"{commit} run {run}: {result.Verdict}")
                {
                    Commit = commit, Subject = step.Subject, Run = run, Result = result,
                });
            }

            var decided = StepDecision.Decide(step.Runs, state.RetryFail)!.Value;
            step = step with { Verdict = decided.Verdict, Note = decided.Note };
            state = state with { Steps = [.. state.Steps, step], Current = null };
            await BisectStateFile.SaveAsync(stateFile, state, CancellationToken.None);
            progress?.Report(new BisectUpdate(BisectUpdateKind.StepDecided, $"{commit} is {decided.Verdict}")
            {
                Commit = commit, Subject = step.Subject, Step = step,
            });
        }
    }

    /// <summary>Prepares the work folder (as <see cref="RunAsync"/> does, which then reuses it) and counts the commits
    /// after <paramref name="good"/> up to <paramref name="bad"/>: 1 means the bad commit is the good one's child and
    /// there is nothing to bisect.</summary>
    public static async Task<int> CommitsBetweenAsync(string giturl, string branch, string good, string bad, string workDirectory,
        CancellationToken cancellationToken)
    {
        var work = new BisectWorkTree(workDirectory);
        await work.PrepareAsync(giturl, branch, cancellationToken);
        var goodSha = await work.ResolveAsync("--good", good, branch, cancellationToken);
        var badSha = await work.ResolveAsync("--bad", bad, branch, cancellationToken);
        var count = await work.Git.OutputAsync(cancellationToken, "rev-list", "--count", $"{goodSha}..{badSha}");
        return int.Parse(count, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The files <paramref name="sha"/> changes, as `git diff-tree --no-commit-id --name-only -r` prints them
    /// (paths from the top of the tree; `-z`, so unusual names come unquoted; `--root`, so a first commit has its files),
    /// at most <paramref name="max"/>: what `files` subscriptions are matched against (docs/notifications.md). A merge
    /// has none (diff-tree compares it with no single parent).</summary>
    public static async Task<IReadOnlyList<string>> CommitFilesAsync(string workDirectory, string sha, int max, CancellationToken cancellationToken)
    {
        var output = await new GitProcess(workDirectory).OutputAsync(cancellationToken, "diff-tree", "--no-commit-id", "--name-only", "-r", "-z", "--root",
            "--end-of-options", sha);
        return [.. output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Take(max)];
    }

    private async Task<StepResult> RunStepAsync(string commit, int run, IProgress<BisectUpdate>? progress, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await runner.RunAsync(commit, cancellationToken);
            }
            catch (Exception e) when (IsTransient(e, cancellationToken))
            {
                if (attempt == TransientTries)
                {
                    throw new BisectionException($"testing {commit} failed {TransientTries} times ({e.Message}); the state is kept, run again to resume", e);
                }

                var delay = TimeSpan.FromSeconds(Math.Pow(2, attempt));
                BisectLog.RunRetried(_logger, commit, run, delay, e);
                progress?.Report(new BisectUpdate(BisectUpdateKind.Retrying, $"Testing {commit} failed ({e.Message}); trying again in {delay.TotalSeconds:0} s ({attempt}/{TransientTries - 1})")
                {
                    Commit = commit, Run = run,
                });
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    private static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or TimeoutException or BisectStepException
        || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private static async Task<BisectState> ResolveAsync(BisectWorkTree work, BisectState state, CancellationToken cancellationToken)
    {
        if (state.GoodSha is not null && state.BadSha is not null)
        {
            return state;
        }

        var good = await work.ResolveAsync("--good", state.Good, state.Branch, cancellationToken);
        var bad = await work.ResolveAsync("--bad", state.Bad, state.Branch, cancellationToken);
        if (good == bad)
        {
            throw new BisectionException($"--good {state.Good} and --bad {state.Bad} are the same commit");
        }

        if (!await work.IsAncestorAsync(good, bad, cancellationToken))
        {
            throw new BisectionException($"--good {state.Good} is not an ancestor of --bad {state.Bad}");
        }

        return state with { GoodSha = good, BadSha = bad };
    }

    private async Task<BisectState> FinishAsync(BisectWorkTree work, BisectState state, GitBisectPosition position, CancellationToken cancellationToken)
    {
        if (position.FirstBad is { } firstBad)
        {
            var commit = await work.DescribeAsync(firstBad, cancellationToken);
            BisectLog.Found(_logger, commit.Sha, commit.Subject);
            return state with { FirstBad = commit, Current = null };
        }

        var candidates = new List<BisectCommit>();
        foreach (var sha in position.Candidates)
        {
            candidates.Add(await work.DescribeAsync(sha, cancellationToken));
        }

        BisectLog.OnlySkipped(_logger, candidates.Count);
        return state with { Candidates = candidates, Current = null };
    }
}
