using System.Net;
using KernelCI.Data;
using KernelCI.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace KernelCI.Host.Serve;

/// <summary>`kernelci serve`: every component of <see cref="Components.All"/> (or the ones given) that `--only` names,
/// each on its own listener, in one process. Every component is started the same way; what differs is each
/// component's own decision, made through <see cref="IComponent"/>.</summary>
internal sealed class ServeHost(IAppConsole console, IReadOnlyList<IComponent>? components = null)
{
    private readonly IReadOnlyList<IComponent> _components = components ?? Components.All();

    public async Task<int> RunAsync(ServeSettings settings, CancellationToken cancellationToken)
    {
        RunningDeployment deployment;
        try
        {
            deployment = await StartAsync(settings, cancellationToken);
        }
        catch (ServeRefusedException e)
        {
            foreach (var reason in e.Reasons)
            {
                await console.Error.WriteLineAsync(reason);
            }

            return e.ExitCode;
        }

        await using (deployment)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>Starts every listener. Throws <see cref="ServeRefusedException"/> on a usage error or a configuration
    /// that does not validate, having released whatever it opened.</summary>
    public async Task<RunningDeployment> StartAsync(ServeSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Problem([.. _components.Select(c => c.Name)]) is { } problem)
        {
            throw new ServeRefusedException(ExitCodes.Usage, [problem]);
        }

        var running = _components.Where(c => settings.Runs(c.Name)).ToList();
        var configuration = ReadConfiguration(settings);
        DataFolder.Create(settings.DataDir);
        var shared = DataFolderDatabase.Open(settings.DataDir, settings.Database);
        var databases = new Dictionary<string, Database>();
        var apps = new List<WebApplication>();
        try
        {
            var choice = new DatabaseChoice(shared, IsEmbedded: settings.Database is null, Path.GetFullPath(settings.DataDir));
            foreach (var component in running)
            {
                databases[component.Name] = await component.OpenDatabaseAsync(choice, cancellationToken);
            }

            var context = new HostContext(settings.DataDir, shared, new SecretStore(settings.DataDir), TimeProvider.System, databases);
            // Every component's secrets, made now and once: a token command run beside this server, before or after it
            // started, signs with the secret the server checks (the store never replaces a secret on disk).
            context.Secrets.Ensure(_components.SelectMany(c => c.Secrets));
            foreach (var group in running.GroupBy(c => context.DatabaseFor(c.Name)))
            {
                await Migrator.ApplyAsync(group.Key, group.SelectMany(c => c.Migrations), cancellationToken);
            }

            var deployment = new Deployment(context, configuration, _components, name => running.Any(c => c.Name == name),
                ClientHost(settings.Listen), settings.BasePort);
            foreach (var client in running.OfType<IPeerClient>())
            {
                await client.ConnectAsync(deployment, cancellationToken);
            }

            foreach (var component in running)
            {
                var url = $"http://{FormatHost(settings.Listen)}:{settings.BasePort + component.PortOffset}";
                apps.Add(ComponentApp.Build(component, context, builder =>
                {
                    // Its own sources, not the shared root: a builder writes its settings (urls) into every source.
                    AddConfiguration(builder.Configuration, settings);
                    builder.WebHost.UseUrls(url);
                }));
                await console.Out.WriteLineAsync($"{component.Name,-10} {url}/");
            }

            foreach (var app in apps)
            {
                await app.StartAsync(cancellationToken);
            }

            await console.Out.WriteLineAsync($"kernelci serving from {context.DataDirectory} on {shared.Kind}");
            // A component that calls its peers stops first: it would otherwise spend its last seconds retrying stopped listeners.
            var stopOrder = apps.Index().OrderBy(a => running[a.Index] is IPeerClient ? 0 : 1).Select(a => a.Item).ToList();
            return new RunningDeployment(stopOrder, [shared, .. databases.Values], deployment);
        }
        catch (Exception e)
        {
            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }

            foreach (var database in databases.Values.Append(shared).Distinct())
            {
                await database.DisposeAsync();
            }

            if (e is OptionsValidationException invalid)
            {
                throw new ServeRefusedException(ExitCodes.Failure, invalid.Failures);
            }

            throw;
        }
    }

    private static IConfigurationRoot ReadConfiguration(ServeSettings settings) =>
        AddConfiguration(new ConfigurationBuilder(), settings).Build();

    /// <summary>The --config file, with the keys flags set over it; the same for every component.</summary>
    private static IConfigurationBuilder AddConfiguration(IConfigurationBuilder configuration, ServeSettings settings)
    {
        if (settings.ConfigFile is not null)
        {
            configuration.AddJsonFile(Path.GetFullPath(settings.ConfigFile), optional: false);
        }

        return configuration.AddInMemoryCollection(settings.Configuration());
    }

    /// <summary>The address a component uses to reach the other listeners of this process.</summary>
    private static string ClientHost(string listen) => listen switch
    {
        "0.0.0.0" => "127.0.0.1",
        "::" => "[::1]",
        _ => FormatHost(listen),
    };

    private static string FormatHost(string listen) =>
        IPAddress.TryParse(listen, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{listen}]" : listen;
}
