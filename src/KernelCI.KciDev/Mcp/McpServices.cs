using Microsoft.Extensions.Logging;

namespace KernelCI.KciDev.Mcp;

/// <summary>What the server takes from the command's session: HTTP clients with kci-dev's User-Agent (and `--debug`
/// tracing), the clock, and where log lines go and from which level.</summary>
internal sealed record McpServices(Func<Uri, TimeSpan, HttpClient> HttpClient, TimeProvider Time, TextWriter Log, LogLevel LogLevel);
