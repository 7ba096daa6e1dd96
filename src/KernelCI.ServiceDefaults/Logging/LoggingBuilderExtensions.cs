using KernelCI.ServiceDefaults.Logging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

public static class KernelCiLoggingExtensions
{
    /// <summary>The console log of every kernelci process: one line per entry, control characters escaped.</summary>
    public static ILoggingBuilder AddKernelCiConsole(this ILoggingBuilder logging)
    {
        logging.AddConsole(o => o.FormatterName = SingleLineFormatter.FormatterName);
        logging.AddConsoleFormatter<SingleLineFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>();
        logging.Services.TryAddSingleton(TimeProvider.System);
        return logging;
    }
}
