using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Patchwork;

internal static partial class PatchworkLog
{
    [LoggerMessage(EventId = 8770, Level = LogLevel.Information, Message = "patchwork: {Source} series {Series} taken from event {EventId}")]
    public static partial void Taken(ILogger logger, string source, long series, long eventId);

    [LoggerMessage(EventId = 8771, Level = LogLevel.Information, Message = "patchwork: {Source} series {Series} run {Run} is tested by patchset node {NodeId}")]
    public static partial void Testing(ILogger logger, string source, long series, int run, string nodeId);

    [LoggerMessage(EventId = 8772, Level = LogLevel.Warning, Message = "patchwork: {Source} series {Series} run {Run} refused: {Reason}")]
    public static partial void Refused(ILogger logger, string source, long series, int run, string reason);

    [LoggerMessage(EventId = 8773, Level = LogLevel.Information, Message = "patchwork: {Source} series {Series} skipped: {Reason}")]
    public static partial void Skipped(ILogger logger, string source, long series, string reason);

    [LoggerMessage(EventId = 8774, Level = LogLevel.Warning, Message = "patchwork: {Source} failed ({Failures} in a row), next attempt in {Delay}: {Error}")]
    public static partial void Failing(ILogger logger, string source, int failures, TimeSpan delay, string error);

    [LoggerMessage(EventId = 8775, Level = LogLevel.Information, Message = "patchwork: {Source} check {Context}={State} posted on patch {PatchId}")]
    public static partial void Posted(ILogger logger, string source, string context, string state, long patchId);

    [LoggerMessage(EventId = 8776, Level = LogLevel.Information, Message = "patchwork: {Source} series {Series} retest run {Run} asked by {Email}")]
    public static partial void Retest(ILogger logger, string source, long series, int run, string email);

    [LoggerMessage(EventId = 8777, Level = LogLevel.Information, Message = "patchwork: {Source} series {Series} run {Run} done")]
    public static partial void Done(ILogger logger, string source, long series, int run);

    [LoggerMessage(EventId = 8778, Level = LogLevel.Warning, Message = "patchwork: {Source} series {Series} run {Run} will be retried")]
    public static partial void Deferred(ILogger logger, string source, long series, int run, Exception exception);

    [LoggerMessage(EventId = 8779, Level = LogLevel.Information, Message = "patchwork: {Source} answers again")]
    public static partial void Recovered(ILogger logger, string source);
}
