using KernelCI.Bench.Infrastructure;

namespace KernelCI.Bench.Storage.Servers;

/// <summary>nginx in the foreground on a free loopback port, with a generated config in its own folder, serving
/// the storage server's files folder as it is on disk.</summary>
internal static class NginxServer
{
    public static async Task<(ServerProcess Process, Uri BaseUri)> StartAsync(
        string root, string workDirectory, string? cpus, HttpClient probe, TextWriter output, CancellationToken cancellationToken)
    {
        var executable = await NginxInstaller.FindOrInstallAsync(output, cancellationToken);
        var prefix = Directory.CreateDirectory(Path.Combine(workDirectory, "nginx")).FullName;
        var port = FreePort.Find();
        var config = Path.Combine(prefix, "nginx.conf");
        // Workers run as `nobody` under a root master and could not read the private temp folder.
        await File.WriteAllTextAsync(config, NginxConfig.Render(prefix, root, port, Environment.UserName == "root"), cancellationToken);
        await output.WriteLineAsync($"[nginx] starting {executable} on port {port} (config: {config})");
        var (command, arguments) = Launcher.Wrap(executable, ["-p", prefix, "-c", config, "-e", Path.Combine(prefix, "error.log")], cpus, []);
        var process = ServerProcess.Start(command, arguments, Path.Combine(prefix, "stdout.log"));
        try
        {
            var baseUri = new Uri($"http://127.0.0.1:{port}/");
            await Readiness.WaitAsync(probe, baseUri, process, anyStatus: true, cancellationToken);
            return (process, baseUri);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }
}
