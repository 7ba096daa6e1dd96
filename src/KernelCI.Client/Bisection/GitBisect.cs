using System.Text.RegularExpressions;

namespace KernelCI.Client.Bisection;

/// <summary>`git bisect` in the work folder, without checking files out (`--no-checkout`: the commit under test is
/// BISECT_HEAD). Each time it is asked, it starts again from the good and bad commits and marks the decided steps, so
/// the state file stays the one truth whatever git's own bisect files hold after an interruption.</summary>
internal static partial class GitBisect
{
    public static async Task<GitBisectPosition> ReplayAsync(GitProcess git, BisectState state, CancellationToken cancellationToken)
    {
        await git.RunAsync(["bisect", "reset"], cancellationToken);
        var position = await RunAsync(git, ["bisect", "start", "--no-checkout", state.BadSha!, state.GoodSha!], cancellationToken);
        foreach (var step in state.Steps)
        {
            position = await RunAsync(git, ["bisect", Term(step.Verdict!.Value), step.Commit], cancellationToken);
        }

        return position;
    }

    /// <summary>Leaves the work folder as it was before the bisection (no checkout happens: BISECT_HEAD exists).</summary>
    public static Task ResetAsync(GitProcess git, CancellationToken cancellationToken) =>
        git.RunAsync(["bisect", "reset"], cancellationToken);

    private static async Task<GitBisectPosition> RunAsync(GitProcess git, string[] arguments, CancellationToken cancellationToken)
    {
        var (code, output, error) = await git.RunAsync(arguments, cancellationToken);
        if (FirstBad().Match(output) is { Success: true } found)
        {
            return new GitBisectPosition(null, found.Groups[1].Value, [], null);
        }

        if (output.Contains("only 'skip'ped commits left", StringComparison.Ordinal))
        {
            var candidates = output.Split('\n').Select(l => l.Trim()).Where(l => l.Length == 40 && l.All(Uri.IsHexDigit)).ToList();
            return new GitBisectPosition(null, null, candidates, null);
        }

        if (code != 0)
        {
            var reason = (error.Length > 0 ? error : output).Split('\n')[0];
            throw new BisectionException($"git {string.Join(' ', arguments.Take(2))} failed: {reason}");
        }

        var next = await git.OutputAsync(cancellationToken, "rev-parse", "BISECT_HEAD");
        return new GitBisectPosition(next, null, [], Remaining().Match(output) is { Success: true } left ? left.Groups[1].Value : null);
    }

    private static string Term(StepVerdict verdict) => verdict switch
    {
        StepVerdict.Good => "good",
        StepVerdict.Bad => "bad",
        _ => "skip",
    };

    [GeneratedRegex(@"^([0-9a-f]{40}) is the first bad commit", RegexOptions.Multiline)]
    private static partial Regex FirstBad();

    [GeneratedRegex(@"Bisecting: (.*)$", RegexOptions.Multiline)]
    private static partial Regex Remaining();
}
