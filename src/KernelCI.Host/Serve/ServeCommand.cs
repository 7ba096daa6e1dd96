using System.CommandLine;

namespace KernelCI.Host.Serve;

internal static class ServeCommand
{
    public static Command Create(IAppConsole console)
    {
        var dataDir = CommonOptions.DataDir();
        var database = new Option<string?>("--database") { Description = "PostgreSQL connection string (default: SQLite in the data folder)" };
        var config = new Option<string?>("--config") { Description = "JSON configuration file (sections Kcidb, …)" };
        var listen = new Option<string>("--listen") { Description = "Address to listen on", DefaultValueFactory = _ => "127.0.0.1" };
        var basePort = new Option<int>("--base-port")
        {
            Description = "Dashboard N, Maestro API N+1, pipeline API N+2, KCIDB N+3, storage N+4",
            DefaultValueFactory = _ => 8000,
        };
        var only = new Option<string[]>("--only") { Description = "Run only these components (e.g. kcidb)", AllowMultipleArgumentsPerToken = true };
        var pipelineConfig = new Option<string?>("--pipeline-config") { Description = "Directory of pipeline YAML files (trees, jobs, platforms, …)" };
        var stopOnStdinClose = new Option<bool>("--stop-on-stdin-close")
        {
            Description = "Stop when standard input closes (so a supervisor that dies, however it dies, takes serve with it)",
        };
        var command = new Command("serve", "Run every component, each on its own listener")
        {
            dataDir, database, config, listen, basePort, only, pipelineConfig, stopOnStdinClose,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (parse.GetValue(stopOnStdinClose))
            {
                StandardInputWatch.Start(stop);
            }

            return await new ServeHost(console).RunAsync(
                new ServeSettings(
                    parse.GetValue(dataDir)!,
                    parse.GetValue(database),
                    parse.GetValue(config),
                    parse.GetValue(listen)!,
                    parse.GetValue(basePort),
                    parse.GetValue(only) ?? [],
                    parse.GetValue(pipelineConfig)),
                stop.Token);
        });
        return command;
    }
}
