using Microsoft.Extensions.Logging;

namespace KernelCI.KciDev.Mcp;

/// <summary>Log entries as one line each on kci-dev's standard error (on stdio, standard output carries the
/// protocol and must hold nothing else).</summary>
internal sealed class WriterLoggerProvider(TextWriter writer, LogLevel minimum) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(writer, minimum, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(TextWriter writer, LogLevel minimum, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = $"kci-dev mcp: {logLevel.ToString().ToLowerInvariant()}: {category}[{eventId.Id}] {formatter(state, exception)}"
                + (exception is null ? "" : " (" + exception.GetType().Name + ": " + exception.Message.Split('\n')[0] + ")");
            lock (writer)
            {
                writer.WriteLine(line);
                writer.Flush();
            }
        }
    }
}
