namespace KernelCI.Dashboard.Web.Logs;

/// <summary>What a log line is marked as (<see cref="LogPatterns"/>).</summary>
public enum LogLineKind
{
    Plain,
    Warning,
    Error,
}
