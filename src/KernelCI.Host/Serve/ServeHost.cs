using System.Net;
using KernelCI.Data;
using KernelCI.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace KernelCI.Host.Serve;

internal sealed class ServeHost(IAppConsole console)
{
    public async Task<int> RunAsync(ServeSettings settings, CancellationToken cancellationToken)
    {
        if (!IPAddress.TryParse(settings.Listen, out var address) && settings.Listen != "localhost")
        {
            await console.Error.WriteLineAsync($"--listen: '{settings.Listen}' is not an IP address");
            return ExitCodes.Usage;
        }

        if (settings.ConfigFile is not null && !File.Exists(settings.ConfigFile))
        {
            await console.Error.WriteLineAsync($"--config: file '{settings.ConfigFile}' does not exist");
            return ExitCodes.Usage;
        }

        var components = Components.All().Where(c => settings.Only.Length == 0 || settings.Only.Contains(c.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        if (components.Count == 0)
        {
            await console.Error.WriteLineAsync($"--only: no component named {string.Join(", ", settings.Only)}; known: {string.Join(", ", Components.All().Select(c => c.Name))}");
            return ExitCodes.Usage;
        }

        Directory.CreateDirectory(settings.DataDir);
        await using var database = settings.Database is null
            ? Database.OpenSqliteFile(Path.Combine(settings.DataDir, "kernelci.db"))
            : Database.Open(settings.Database);
        await Migrator.ApplyAsync(database, components.SelectMany(c => c.Migrations), cancellationToken);
        var context = new HostContext(settings.DataDir, database, new SecretStore(settings.DataDir), TimeProvider.System);

        var apps = new List<WebApplication>();
        foreach (var component in components)
        {
            var port = settings.BasePort + component.PortOffset;
            apps.Add(ComponentApp.Build(component, context, builder =>
            {
                if (settings.ConfigFile is not null)
                {
                    builder.Configuration.AddJsonFile(Path.GetFullPath(settings.ConfigFile), optional: false);
                }

                builder.WebHost.UseUrls($"http://{FormatHost(settings.Listen)}:{port}");
            }));
            await console.Out.WriteLineAsync($"{component.Name,-10} http://{FormatHost(settings.Listen)}:{port}/");
        }

        foreach (var app in apps)
        {
            await app.StartAsync(cancellationToken);
        }

        await console.Out.WriteLineAsync($"kernelci serving from {context.DataDirectory} on {database.Kind}");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        foreach (var app in apps)
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }

        return ExitCodes.Success;
    }

    private static string FormatHost(string listen) =>
        IPAddress.TryParse(listen, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{listen}]" : listen;
}
