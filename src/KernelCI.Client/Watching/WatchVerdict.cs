namespace KernelCI.Client.Watching;

/// <summary>How a watch ended; <see cref="WatchOutcome.ExitCode"/> maps it to upstream's exit codes.</summary>
public enum WatchVerdict
{
    /// <summary>No test asked for: every job and the root finished (whatever their results).</summary>
    Finished,

    /// <summary>The test's result is `pass` (exit 0).</summary>
    TestPassed,

    /// <summary>The test has another result (exit 1).</summary>
    TestFailed,

    /// <summary>A job of the filter, or the root, failed before the test could run (exit 2).</summary>
    PrerequisiteFailed,

    /// <summary>Every job finished but the test had no result within <see cref="WatchRequest.TestResultWait"/> (exit 2).</summary>
    TestResultMissing,
}
