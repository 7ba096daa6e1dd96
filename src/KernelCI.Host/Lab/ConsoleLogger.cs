using Microsoft.Extensions.Logging;

namespace KernelCI.Host.Lab;

/// <summary>The worker's log lines on the command's output, one per message, information and above.</summary>
internal sealed class ConsoleLogger(TextWriter output) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            output.WriteLine(formatter(state, exception) + (exception is null ? "" : ": " + exception.Message));
        }
    }
}
