using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Web.Live;

/// <summary>The live results' log lines (EventIds 6660-6679).</summary>
internal static partial class LiveLog
{
    [LoggerMessage(EventId = 6660, Level = LogLevel.Debug, Message = "Live stream opened for {Checkouts} checkouts of {Path}")]
    public static partial void StreamOpened(ILogger logger, int checkouts, string path);

    [LoggerMessage(EventId = 6661, Level = LogLevel.Warning, Message = "LISTEN " + Kcidb.Store.CheckoutChanges.NotifyChannel + " failed; reconnecting")]
    public static partial void ListenFailed(ILogger logger, Exception exception);
}
