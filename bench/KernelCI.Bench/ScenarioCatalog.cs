using System.CommandLine;
using KernelCI.Bench.Dashboard;
using KernelCI.Bench.DashboardPages;
using KernelCI.Bench.Jwt;
using KernelCI.Bench.KcidbIngest;
using KernelCI.Bench.Lava;
using KernelCI.Bench.Storage;
using KernelCI.Bench.Maestro;
using KernelCI.Bench.Pipeline;

namespace KernelCI.Bench;

internal static class ScenarioCatalog
{
    public static IReadOnlyList<IScenario> All { get; } = [new KcidbIngestScenario(), new DashboardScenario(), new DashboardPagesScenario(), new StorageScenario(), new MaestroScenario(), new PipelineScenario(), new LavaScenario(), new JwtScenario(), new Regressions.RegressionsScenario(), new Notify.NotifyScenario(), new Patchwork.PatchworkScenario()];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var scenario = args.Length == 0 ? null : All.FirstOrDefault(s => s.Name == args[0]);
        if (scenario is null)
        {
            await error.WriteLineAsync(args.Length == 0 ? "usage: bench.sh NAME [options]" : $"unknown scenario '{args[0]}'");
            await error.WriteLineAsync("scenarios:");
            foreach (var known in All)
            {
                await error.WriteLineAsync($"  {known.Name,-16} {known.Description}");
            }

            return ExitCodes.Usage;
        }

        var root = new RootCommand("KernelCI benchmarks") { scenario.CreateCommand(output) };
        return await root.Parse(args).InvokeAsync();
    }
}
