using System.Net;
using KernelCI.Data;
using KernelCI.Host.Users;
using KernelCI.ServiceDefaults;
using KernelCI.Kcidb.Store;
using KernelCI.Pipeline;
using KernelCI.Pipeline.Config;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace KernelCI.Host.Serve;

internal sealed class ServeHost(IAppConsole console)
{
    public async Task<int> RunAsync(ServeSettings settings, CancellationToken cancellationToken)
    {
        await using var deployment = await StartAsync(settings, null, cancellationToken);
        if (deployment is null)
        {
            return ExitCodes.Usage;
        }

        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        return ExitCodes.Success;
    }

    /// <summary>Starts every listener; null (after telling why) on a usage error. <paramref name="pipelineServices"/>
    /// adds services to the pipeline component (the benchmarks add a fake kbuild runtime).</summary>
    public async Task<RunningDeployment?> StartAsync(ServeSettings settings, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? pipelineServices,
        CancellationToken cancellationToken)
    {
        if (!IPAddress.TryParse(settings.Listen, out var address) && settings.Listen != "localhost")
        {
            await console.Error.WriteLineAsync($"--listen: '{settings.Listen}' is not an IP address");
            return null;
        }

        if (settings.ConfigFile is not null && !File.Exists(settings.ConfigFile))
        {
            await console.Error.WriteLineAsync($"--config: file '{settings.ConfigFile}' does not exist");
            return null;
        }

        var names = Components.All().Select(c => c.Name).ToList();
        if (settings.Only.FirstOrDefault(n => !names.Contains(n, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            await console.Error.WriteLineAsync($"--only: no component named {unknown}; known: {string.Join(", ", names)}");
            return null;
        }

        if (settings.PipelineConfig is not null && !Directory.Exists(settings.PipelineConfig))
        {
            await console.Error.WriteLineAsync($"--pipeline-config: directory '{settings.PipelineConfig}' does not exist");
            return null;
        }

        var runs = (string name) => settings.Only.Length == 0 || settings.Only.Contains(name, StringComparer.OrdinalIgnoreCase);
        DataFolder.Create(settings.DataDir);
        var database = settings.Database is null
            ? UsersDatabase.Open(settings.DataDir, null)
            : Database.Open(settings.Database);
        var ownDatabases = new Dictionary<string, Database>();
        if (settings.Database is null && runs("kcidb"))
        {
            ownDatabases["kcidb"] = await KcidbSqliteFile.OpenAsync(settings.DataDir, database, cancellationToken);
            // Made under another name and renamed into place, so restricted once it is there (its WAL follows its mode).
            DataFolder.RestrictSqliteFiles(Path.Combine(settings.DataDir, KcidbSqliteFile.FileName));
        }

        var context = new HostContext(settings.DataDir, database, new SecretStore(settings.DataDir), TimeProvider.System, ownDatabases);
        // Every component's secrets, made now and once: a token command run beside this server, before or after it
        // started, signs with the secret the server checks (the store never replaces a secret on disk).
        context.Secrets.Ensure(Components.All().SelectMany(c => c.Secrets));
        foreach (var group in Components.All().Where(c => runs(c.Name)).GroupBy(c => context.DatabaseFor(c.Name)))
        {
            await Migrator.ApplyAsync(group.Key, group.SelectMany(c => c.Migrations), cancellationToken);
        }

        PipelineOptions? pipeline = null;
        if (runs("pipeline"))
        {
            pipeline = ReadPipelineOptions(settings);
            if (pipeline.MaestroToken is null && !runs("maestro"))
            {
                await console.Error.WriteLineAsync("Pipeline:MaestroToken must be set when the Maestro API runs in another process");
                await DisposeAsync([database, .. ownDatabases.Values]);
                return null;
            }

            pipeline = await EmbeddedPipeline.CompleteAsync(pipeline, context, ClientHost(settings.Listen), settings.BasePort, cancellationToken);
            try
            {
                PipelineCore.LoadConfig(pipeline);
            }
            catch (PipelineConfigException e)
            {
                await console.Error.WriteLineAsync($"pipeline configuration: {e.Message}");
                await DisposeAsync([database, .. ownDatabases.Values]);
                return null;
            }
        }

        var components = Components.All(pipeline, pipelineServices).Where(c => runs(c.Name)).ToList();
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
        // The pipeline stops first: its services would otherwise spend their last seconds retrying stopped listeners.
        var stopOrder = apps.Select((app, i) => (app, components[i].Name)).OrderBy(a => a.Name == "pipeline" ? 0 : 1).Select(a => a.app).ToList();
        return new RunningDeployment(stopOrder, [database, .. ownDatabases.Values], pipeline);
    }

    private static async Task DisposeAsync(IEnumerable<Database> databases)
    {
        foreach (var database in databases.Distinct())
        {
            await database.DisposeAsync();
        }
    }

    private static PipelineOptions ReadPipelineOptions(ServeSettings settings)
    {
        var configuration = new ConfigurationBuilder();
        if (settings.ConfigFile is not null)
        {
            configuration.AddJsonFile(Path.GetFullPath(settings.ConfigFile), optional: false);
        }

        var options = configuration.Build().GetSection("Pipeline").Get<PipelineOptions>() ?? new PipelineOptions();
        return settings.PipelineConfig is null ? options : options with { ConfigDirectory = Path.GetFullPath(settings.PipelineConfig) };
    }

    /// <summary>The address the pipeline uses to reach the other listeners of this process.</summary>
    private static string ClientHost(string listen) => listen switch
    {
        "0.0.0.0" => "127.0.0.1",
        "::" => "[::1]",
        _ => FormatHost(listen),
    };

    private static string FormatHost(string listen) =>
        IPAddress.TryParse(listen, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{listen}]" : listen;
}
