namespace KernelCI.KciDev.Cli;

/// <summary>Everything a command reads from the world, so tests run kci-dev in process against their own servers,
/// folders and clock: the console, environment variables, the home, working and /etc folders, the HTTP handler and the
/// time provider.</summary>
public sealed record CliContext(
    KciConsole Console,
    Func<string, string?> Environment,
    string HomeDirectory,
    string WorkingDirectory,
    string SystemConfigDirectory,
    Func<HttpMessageHandler> HttpHandler,
    TimeProvider Time)
{
    public static CliContext FromSystem() => new(
        KciConsole.FromSystem(),
        System.Environment.GetEnvironmentVariable,
        System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile),
        Directory.GetCurrentDirectory(),
        "/etc",
        () => new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.None },
        TimeProvider.System);
}
