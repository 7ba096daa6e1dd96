using System.Diagnostics;
using KernelCI.Bench.Infrastructure;
using KernelCI.Triage;

namespace KernelCI.Bench.Regressions;

/// <summary>Log triage throughput (<see cref="TriageThroughput"/>) against <c>grep -cE</c> with the same patterns as the
/// parsers' regular expressions (ERE spellings of src/KernelCI.Triage's [GeneratedRegex]es, unanchored as the parsers
/// first strip timestamps), on the same files in the same run; best of three runs each, files in the page cache.</summary>
internal static class TriageBench
{
    private const int Runs = 3;
    private const string LoginMarker = "/ #";

    private static readonly string[] BuildPatterns =
    [
        @"[^[:space:]:]+:[0-9]+:([0-9]+:)? (fatal )?(error|warning): ",
        @"(undefined reference to|multiple definition of|undefined symbol:|duplicate symbol:)",
        @"([[:alnum:]_.-]+-)?ld(\.bfd|\.lld|\.gold)?: (.*error.*|cannot )",
        @"g?make(\[[0-9]+\])?: \*\*\* ",
        @"Kconfig[[:alnum:]_.-]*:[0-9]+:",
        @"(ERROR|FATAL): modpost: ",
    ];

    private static readonly string[] BootPatterns =
    [
        @"Kernel panic - not syncing",
        @"BUG: ",
        @"([Uu]nable to handle |general protection fault)",
        @"(Internal error: )?Oops|invalid opcode: ",
        @"kernel BUG at [^:[:space:]]+:[0-9]+!",
        @"WARNING: (CPU: [0-9]+ PID: [0-9]+ at |.*(lock|RCU))",
        @"UBSAN: .+ in ",
        @"INFO: [[:alnum:]_-]+ (detected stalls on CPUs/tasks|self-detected stall on CPU|detected expedited stalls)",
        @"INFO: task .+:[0-9]+ blocked for more than [0-9]+ seconds",
        @"(RIP: [0-9a-fA-F]{4}:|pc : )",
        @"Linux version ",
        LoginMarker,
    ];

    public static async Task<List<Figure>> RunAsync(string workDirectory, int megabytes, TextWriter output, CancellationToken cancellationToken)
    {
        var (buildLog, bootLog, buildPlanted, bootPlanted) = TriageCorpus.Write(workDirectory, megabytes);
        var figures = new List<Figure>();
        foreach (var (name, path, kind, patterns, planted) in new[]
        {
            ("build logs", buildLog, LogKind.Build, BuildPatterns, buildPlanted),
            ("boot logs", bootLog, LogKind.Boot, BootPatterns, bootPlanted),
        })
        {
            var (ours, problems) = await TriageThroughput.MeasureAsync(path, kind, kind == LogKind.Boot ? LoginMarker : null, Runs,
                cancellationToken: cancellationToken);
            var (grep, lines) = await GrepAsync(path, patterns, cancellationToken);
            var megabytesOfFile = new FileInfo(path).Length / 1e6;
            await output.WriteLineAsync($"[triage] {name}: {megabytesOfFile:F1} MB, {planted} planted problems; triage {ours:F1} MB/s " +
                $"({problems} distinct problems), grep -cE {grep:F1} MB/s ({lines} matching lines)");
            figures.Add(new Figure($"log triage, {name}, MB/s", $"{ours:F1} (grep -E {grep:F1}; {ours / grep:F2}×)", "(none; grep -E in the same run)"));
        }

        return figures;
    }

    private static async Task<(double MegabytesPerSecond, long Lines)> GrepAsync(string path, string[] patterns, CancellationToken cancellationToken)
    {
        List<string> arguments = ["-cE"];
        foreach (var pattern in patterns)
        {
            arguments.AddRange(["-e", pattern]);
        }

        arguments.Add(path);
        var best = TimeSpan.MaxValue;
        long lines = 0;
        for (var run = 0; run < Runs; run++)
        {
            var info = ProcessRunner.StartInfo("grep", arguments);
            // The C locale: grep's fastest, so the baseline is the hardest one to beat.
            info.Environment["LC_ALL"] = "C";
            var stopwatch = Stopwatch.StartNew();
            using var process = Process.Start(info) ?? throw new BenchFailure("could not start grep");
            var text = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var elapsed = stopwatch.Elapsed;
            if (process.ExitCode > 1)
            {
                throw new BenchFailure($"grep failed: {await process.StandardError.ReadToEndAsync(cancellationToken)}");
            }

            lines = long.Parse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture);
            best = elapsed < best ? elapsed : best;
        }

        return (new FileInfo(path).Length / 1e6 / best.TotalSeconds, lines);
    }
}
