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
        // Passes of a few tenths of a second: at 40 ms (session 4's 128 × 1 MiB) one scheduler hiccup moved a pass by
        // half, and /proc's CPU ticks are 10 ms.
        var mibRequests = new Option<int>("--mib-requests") { Description = "1 MiB downloads per pass", DefaultValueFactory = _ => 768 };
        var mibUploads = new Option<int>("--mib-uploads") { Description = "1 MiB uploads (distinct keys)", DefaultValueFactory = _ => 64 };
        var smallFiles = new Option<int>("--small-files") { Description = "Files of 4-64 KiB for the parallel test", DefaultValueFactory = _ => 2000 };
        var smallRequests = new Option<int>("--small-requests") { Description = "Small-file downloads per pass (cycling through the files)", DefaultValueFactory = _ => 8000 };
        var gibRequests = new Option<int>("--gib-requests") { Description = "1 GiB downloads per pass", DefaultValueFactory = _ => 2 };
        var serverCpus = new Option<string?>("--server-cpus") { Description = "Run both servers under `taskset -c LIST` (run the bench itself under taskset for the client)" };
        var serverEnv = new Option<string[]>("--server-env") { Description = "NAME=VALUE for our server's environment only (repeatable), e.g. a DOTNET_ knob", DefaultValueFactory = _ => [] };
        var clients = new Option<int>("--clients") { Description = "Parallel clients on small files", DefaultValueFactory = _ => 64 };
        var skipGib = new Option<bool>("--skip-gib") { Description = "Skip the 1 GiB transfers (a quick run)" };
        var seed = new Option<long>("--seed") { Description = "Seed of the generated file contents", DefaultValueFactory = _ => 1 };
        var keep = new Option<bool>("--keep") { Description = "Keep the temporary folder (files, server data, logs)" };
        var command = new Command(Name, Description) { repetitions, uploadRepetitions, mibRequests, mibUploads, smallFiles, smallRequests, gibRequests, clients, skipGib, seed, keep, serverCpus, serverEnv };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new StorageSettings(
                parse.GetValue(repetitions),
                parse.GetValue(uploadRepetitions),
                parse.GetValue(mibRequests),
                parse.GetValue(mibUploads),
                parse.GetValue(smallFiles),
                parse.GetValue(smallRequests),
                parse.GetValue(gibRequests),
                parse.GetValue(clients),
                parse.GetValue(skipGib),
                parse.GetValue(seed),
                parse.GetValue(keep),
                parse.GetValue(serverCpus),
                parse.GetValue(serverEnv) ?? []);
            if (settings.Repetitions < 2 || settings.UploadRepetitions < 1 || settings.MibRequests < 1 || settings.MibUploads < 1 || settings.SmallFiles < 1 || settings.SmallRequests < 1 || settings.GibRequests < 1 || settings.Clients < 1
                || settings.ServerEnvironment.Any(e => !e.Contains('=', StringComparison.Ordinal)))
            {
                await output.WriteLineAsync("--repetitions must be at least 2 (the first is discarded); the counts must be positive; --server-env takes NAME=VALUE");
                return ExitCodes.Usage;
            }

            return await new StorageBenchmark(settings, output).RunAsync(cancellationToken);
        });
        return command;
    }
}
