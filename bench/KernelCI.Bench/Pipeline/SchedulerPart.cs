using KernelCI.Bench.Infrastructure;

namespace KernelCI.Bench.Pipeline;

/// <summary>The scheduler's throughput on both databases (<see cref="SchedulerThroughput"/>).</summary>
internal static class SchedulerPart
{
    public static async Task<IReadOnlyList<SchedulerFigures>> RunAsync(int jobs, int platforms, string postgres, TextWriter output, CancellationToken cancellationToken)
    {
        var figures = new List<SchedulerFigures>();
        await output.WriteLineAsync($"scheduler: {jobs} jobs × {platforms} platforms on SQLite");
        figures.Add(await SchedulerThroughput.RunAsync(null, jobs, platforms, cancellationToken: cancellationToken));
        await using (var scratch = await PostgresScratch.CreateAsync(postgres, "scheduler", cancellationToken))
        {
            await output.WriteLineAsync($"scheduler: {jobs} jobs × {platforms} platforms on PostgreSQL");
            figures.Add(await SchedulerThroughput.RunAsync(scratch.ConnectionString, jobs, platforms, cancellationToken: cancellationToken));
        }

        return figures;
    }
}
