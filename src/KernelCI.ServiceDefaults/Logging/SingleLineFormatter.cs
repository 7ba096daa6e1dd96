using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace KernelCI.ServiceDefaults.Logging;

/// <summary>Every component's console format: `HH:mm:ss level: Category[EventId] message exception`, one line per
/// entry, with control characters escaped (<see cref="LogText"/>). The one place request data reaches the log
/// output, so no call site has to remember to escape what it logs.</summary>
public sealed class SingleLineFormatter(TimeProvider time) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "kernelci";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (logEntry.Exception is null && message.Length == 0)
        {
            return;
        }

        var line = new StringBuilder(message.Length + 64)
            .Append(time.GetLocalNow().ToString("HH:mm:ss ", System.Globalization.CultureInfo.InvariantCulture))
            .Append(Level(logEntry.LogLevel)).Append(": ").Append(logEntry.Category).Append('[').Append(logEntry.EventId.Id).Append("] ");
        LogText.Append(line, message);
        if (logEntry.Exception is { } exception)
        {
            LogText.Append(line.Append(' '), exception.ToString());
        }

        textWriter.Write(line.Append(Environment.NewLine));
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
