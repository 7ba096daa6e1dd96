using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Nipa;

/// <summary>EventIds 8800–8819: the NIPA bridge (docs/integrations.md, "NIPA").</summary>
internal static partial class NipaLog
{
    [LoggerMessage(EventId = 8800, Level = LogLevel.Warning, Message = "nipa: {BuildConfig} skipped, its branch list is unusable: {Reason}")]
    public static partial void BadBranchList(ILogger logger, string buildConfig, string reason);
}
