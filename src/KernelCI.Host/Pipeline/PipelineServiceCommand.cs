using System.CommandLine;
using KernelCI.Pipeline;
using KernelCI.Pipeline.Config;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Hosting;

namespace KernelCI.Host.Pipeline;

/// <summary>`kernelci pipeline NAME`: one pipeline service alone in its own process, talking to the other components
/// over HTTP, as upstream runs one container per service.</summary>
internal static class PipelineServiceCommand
{
    public static Command Create(string name, IAppConsole console)
    {
        var connection = new PipelineConnection();
        var instance = new Option<string?>("--instance") { Description = "Instance name, prefix of durable subscriber ids" };
        var trees = new Option<string?>("--trees") { Description = "Trees to poll: a,b (only these) or !a,b (all but these)" };
        var runtimes = new Option<string[]>("--runtimes") { Description = "Runtimes to load (default: all)", AllowMultipleArgumentsPerToken = true };
        var force = new Option<bool>("--force") { Description = "trigger: create checkouts even for commits already seen or inside the frequency window" };
        var command = new Command(name, $"Run the {name} service alone") { instance, trees, runtimes, force };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = await connection.ResolveAsync(parse, cancellationToken);
            options = options with
            {
                Instance = parse.GetValue(instance) ?? options.Instance,
                Trees = parse.GetValue(trees) ?? options.Trees,
                Runtimes = parse.GetValue(runtimes) is { Length: > 0 } r ? r : options.Runtimes,
                Trigger = parse.GetValue(force) ? options.Trigger with { Force = true } : options.Trigger,
            };
            PipelineConfig config;
            try
            {
                config = PipelineCore.LoadConfig(options);
            }
            catch (PipelineConfigException e)
            {
                await console.Error.WriteLineAsync($"pipeline configuration: {e.Message}");
                return ExitCodes.Usage;
            }

            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            builder.Logging.AddKernelCiConsole();
            if (connection.ConfigFile(parse) is { } file)
            {
                builder.Configuration.AddJsonFile(Path.GetFullPath(file), optional: false);
            }

            try
            {
                builder.Services.AddPipelineCore(options, config);
            }
            catch (OptionsValidationException e)
            {
                // As `serve`: one line per failure, each naming its Pipeline:Key, and exit 2.
                foreach (var failure in e.Failures)
                {
                    await console.Error.WriteLineAsync(failure);
                }

                return ExitCodes.Failure;
            }

            // The LAVA labs' tokens are read from the data folder's secrets, as under `serve`.
            builder.Services.AddSingleton(new KernelCI.ServiceDefaults.SecretStore(connection.DataDir(parse)));
            if (name is "patchwork" or "nipa")
            {
                // Patchwork's cursors, series and checks, and nipa's published runs, live in the deployment's database, as under `serve`.
                builder.Services.AddSingleton(await connection.OpenPipelineDatabaseAsync(parse, cancellationToken));
            }

            builder.Services.AddPipelineServices([name]);
            using var host = builder.Build();
            await host.RunAsync(cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }
}
