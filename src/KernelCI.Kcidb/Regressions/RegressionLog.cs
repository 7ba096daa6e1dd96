using Microsoft.Extensions.Logging;

namespace KernelCI.Kcidb.Regressions;

internal static partial class RegressionLog
{
    [LoggerMessage(EventId = 3050, Level = LogLevel.Debug, Message = "Regressions: checkout {Checkout}, {Series} series analysed in {Milliseconds:F0} ms")]
    public static partial void Recomputed(ILogger logger, string checkout, int series, double milliseconds);

    [LoggerMessage(EventId = 3051, Level = LogLevel.Warning, Message = "Regressions: checkout {Checkout} could not be analysed, left for its next change: {Reason}")]
    public static partial void Failed(ILogger logger, string checkout, string reason);
}
