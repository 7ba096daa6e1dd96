using System.CommandLine;
using System.Diagnostics;
using KernelCI.Data;
using KernelCI.Kcidb;
using KernelCI.Kcidb.Regressions;
using KernelCI.Kcidb.Store;
using KernelCI.ServiceDefaults;

namespace KernelCI.Host.Kcidb;

/// <summary>`kernelci kcidb regressions --data-dir DIR [--database C]`: every branch's regressions and flaky series
/// computed again from KCIDB's rows (docs/regressions.md, "Full recomputation"). Safe beside a running server: each
/// branch is saved in one transaction, as the server's tracker saves it.</summary>
internal static class KcidbRegressionsCommand
{
    public static Command Create(IAppConsole console)
    {
        var dataDir = CommonOptions.DataDir();
        var database = DataFolderDatabase.Option();
        var command = new Command("regressions", "Recompute every branch's regressions and flaky series from KCIDB's results") { dataDir, database };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(dataDir)!;
            var connection = parse.GetValue(database);
            if (connection is null && !File.Exists(Path.Combine(folder, "kcidb.db")) && !File.Exists(Path.Combine(folder, "kernelci.db")))
            {
                await console.Error.WriteLineAsync($"--data-dir: {folder} holds no KCIDB database (run `kernelci serve` on it first)");
                return ExitCodes.Usage;
            }

            await using var shared = DataFolderDatabase.Open(folder, connection);
            var kcidb = await KcidbDatabase.ChooseAsync(new DatabaseChoice(shared, connection is null, Path.GetFullPath(folder)), cancellationToken);
            try
            {
                // A data folder served before has these already; applying them is a no-op then.
                await Migrator.ApplyAsync(kcidb, new KcidbComponent().Migrations, cancellationToken);
                var stopwatch = Stopwatch.StartNew();
                var series = await RegressionRecompute.AllAsync(kcidb, TimeProvider.System, cancellationToken);
                await console.Out.WriteLineAsync($"recomputed {series} series in {stopwatch.Elapsed.TotalSeconds:F2} s");
                return ExitCodes.Success;
            }
            finally
            {
                if (!ReferenceEquals(kcidb, shared))
                {
                    await kcidb.DisposeAsync();
                }
            }
        });
        return command;
    }
}
