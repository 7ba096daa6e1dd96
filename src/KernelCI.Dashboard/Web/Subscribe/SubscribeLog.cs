using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Web.Subscribe;

/// <summary>The subscribe page's log lines (EventIds 8820-8829).</summary>
internal static partial class SubscribeLog
{
    public const string Category = "KernelCI.Dashboard.Web.Subscribe";

    [LoggerMessage(EventId = 8820, Level = LogLevel.Warning, Message = "Subscribe page: the notifications component did not answer at {Url}: {Problem}")]
    public static partial void NotAnswered(ILogger logger, Uri url, string problem);

    [LoggerMessage(EventId = 8821, Level = LogLevel.Information, Message = "Subscribe page: the API refused with {Status}: {Detail}")]
    public static partial void Refused(ILogger logger, int status, string detail);

    [LoggerMessage(EventId = 8822, Level = LogLevel.Information, Message = "Subscribe page: subscription {Id} of {Address} is {State}")]
    public static partial void Subscribed(ILogger logger, string id, string address, string state);
}
