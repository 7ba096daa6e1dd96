using System.CommandLine;

namespace KernelCI.Bench.Storage;

internal sealed class StorageScenario : IScenario
{
    public string Name => "storage";

    public string Description => "Upload and download 1 MiB, 1 GiB and 64-client small files; downloads against nginx";

    public Command CreateCommand(TextWriter output)
    {
        var repetitions = new Option<int>("--repetitions") { Description = "Download passes per server; the first is discarded", DefaultValueFactory = _ => 6 };
        var uploadRepetitions = new Option<int>("--gib-uploads") { Description = "1 GiB uploads per server (all timed)", DefaultValueFactory = _ => 2 };
        var mibRequests = new Option<int>("--mib-requests") { Description = "1 MiB downloads per pass", DefaultValueFactory = _ => 128 };
        var mibUploads = new Option<int>("--mib-uploads") { Description = "1 MiB uploads (distinct keys)", DefaultValueFactory = _ => 64 };
        var smallFiles = new Option<int>("--small-files") { Description = "Files of 4-64 KiB for the parallel test", DefaultValueFactory = _ => 2000 };
        var clients = new Option<int>("--clients") { Description = "Parallel clients on small files", DefaultValueFactory = _ => 64 };
        var skipGib = new Option<bool>("--skip-gib") { Description = "Skip the 1 GiB transfers (a quick run)" };
        var seed = new Option<long>("--seed") { Description = "Seed of the generated file contents", DefaultValueFactory = _ => 1 };
        var keep = new Option<bool>("--keep") { Description = "Keep the temporary folder (files, server data, logs)" };
        var command = new Command(Name, Description) { repetitions, uploadRepetitions, mibRequests, mibUploads, smallFiles, clients, skipGib, seed, keep };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new StorageSettings(
                parse.GetValue(repetitions),
                parse.GetValue(uploadRepetitions),
                parse.GetValue(mibRequests),
                parse.GetValue(mibUploads),
                parse.GetValue(smallFiles),
                parse.GetValue(clients),
                parse.GetValue(skipGib),
                parse.GetValue(seed),
                parse.GetValue(keep));
            if (settings.Repetitions < 2 || settings.UploadRepetitions < 1 || settings.MibRequests < 1 || settings.MibUploads < 1 || settings.SmallFiles < 1 || settings.Clients < 1)
            {
                await output.WriteLineAsync("--repetitions must be at least 2 (the first is discarded); the counts must be positive");
                return ExitCodes.Usage;
            }

            return await new StorageBenchmark(settings, output).RunAsync(cancellationToken);
        });
        return command;
    }
}
