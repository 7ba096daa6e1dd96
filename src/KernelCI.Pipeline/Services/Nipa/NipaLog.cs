using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Nipa;

/// <summary>EventIds 8800–8819: the NIPA bridge (docs/integrations.md, "NIPA").</summary>
internal static partial class NipaLog
{
    [LoggerMessage(EventId = 8800, Level = LogLevel.Warning, Message = "nipa: {BuildConfig} skipped, its branch list is unusable: {Reason}")]
    public static partial void BadBranchList(ILogger logger, string buildConfig, string reason);

    [LoggerMessage(EventId = 8801, Level = LogLevel.Information, Message = "nipa: {Branch} run started by checkout {CheckoutId}, in the manifest as {Executor} with url null")]
    public static partial void Started(ILogger logger, string branch, string checkoutId, string executor);

    [LoggerMessage(EventId = 8802, Level = LogLevel.Information, Message = "nipa: {Branch} checkout {CheckoutId} published at {Url} ({Count} results)")]
    public static partial void Published(ILogger logger, string branch, string checkoutId, string url, int count);

    [LoggerMessage(EventId = 8803, Level = LogLevel.Information, Message = "nipa: {Branch} checkout {CheckoutId} not published: {Reason}")]
    public static partial void NotPublished(ILogger logger, string branch, string checkoutId, string reason);
}
