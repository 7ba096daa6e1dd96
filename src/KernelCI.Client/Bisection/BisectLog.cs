using Microsoft.Extensions.Logging;

namespace KernelCI.Client.Bisection;

internal static partial class BisectLog
{
    [LoggerMessage(EventId = 7300, Level = LogLevel.Information, Message = "Bisecting {Tree} {Branch}: good {Good}, bad {Bad}, {Steps} steps already decided")]
    public static partial void Started(ILogger logger, string tree, string branch, string good, string bad, int steps);

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Bisection step {Commit} run {Run}: {Verdict}")]
    public static partial void RunFinished(ILogger logger, string commit, int run, StepVerdict verdict);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Warning, Message = "Bisection step {Commit} run {Run} failed; trying again in {Delay}")]
    public static partial void RunRetried(ILogger logger, string commit, int run, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 7303, Level = LogLevel.Information, Message = "Bisection found the first bad commit {Commit} ({Subject})")]
    public static partial void Found(ILogger logger, string commit, string subject);

    [LoggerMessage(EventId = 7304, Level = LogLevel.Warning, Message = "Bisection ended with only skipped commits left: {Count} candidates")]
    public static partial void OnlySkipped(ILogger logger, int count);
}
