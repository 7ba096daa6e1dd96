using KernelCI.KciDev.Cli;

namespace KernelCI.Testing;

/// <summary>Our kci-dev run in process: its own home, working and /etc folders (so no real config file is read), the
/// output captured, and HTTP sent through <see cref="Handler"/> (by default a real socket handler, for servers on a
/// loopback listener).</summary>
public sealed class KciDevHarness : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kernelci-kcidev-").FullName;

    public KciDevHarness()
    {
        Directory.CreateDirectory(HomeDirectory);
        Directory.CreateDirectory(WorkingDirectory);
        Directory.CreateDirectory(SystemConfigDirectory);
    }

    public string HomeDirectory => Path.Combine(_root, "home");

    public string WorkingDirectory => Path.Combine(_root, "work");

    public string SystemConfigDirectory => Path.Combine(_root, "etc");

    public Dictionary<string, string> Environment { get; } = [];

    public Func<HttpMessageHandler> Handler { get; set; } = () => new SocketsHttpHandler();

    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Writes a config file (default ./.kci-dev.toml in the working folder) and returns its path.</summary>
    public string WriteSettings(string toml, string? path = null)
    {
        path ??= Path.Combine(WorkingDirectory, ".kci-dev.toml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, toml);
        return path;
    }

    /// <summary>A settings file whose default instance `local` points every service at the given URLs.</summary>
    public string WriteInstance(Uri? dashboardApi = null, Uri? api = null, Uri? pipeline = null, string? token = null) => WriteSettings($"""
        default_instance = "local"
        [local]
        pipeline = "{pipeline}"
        api = "{api}"
        token = "{token}"
        dashboard_api = "{dashboardApi}"
        """);

    public Task<ProcessResult> RunAsync(params string[] arguments) => RunAsync(CancellationToken.None, arguments);

    /// <summary>Runs until done or until <paramref name="interrupt"/> fires, as Ctrl+C would.</summary>
    public async Task<ProcessResult> RunAsync(CancellationToken interrupt, params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(new KciConsole(output, error, isTerminal: false), name => Environment.GetValueOrDefault(name),
            HomeDirectory, WorkingDirectory, SystemConfigDirectory, Handler, Time);
        var code = await KciDevApp.RunAsync(arguments, context, interrupt);
        return new ProcessResult(code, output.ToString(), error.ToString());
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
