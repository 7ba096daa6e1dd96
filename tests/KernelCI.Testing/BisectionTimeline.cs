using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;

namespace KernelCI.Testing;

/// <summary>An automatic bisection's wall time per run, from Maestro's node timestamps (docs/regressions.md,
/// "Automatic bisection"): each run of the `process` node's `data.bisect` names its checkout first. A run starts when
/// its checkout node is created and ends when the next run's is (the last one: when the bisection node was finished).
/// The tarball ends when the kbuild is created (the scheduler creates it on the checkout's `available` event), the
/// build when the boot job is created (on the kbuild's), and the boot when the job's result nodes are (QEMU writes them
/// in one PUT when it ends), else at the job's last update (<see cref="CheckoutSplit"/>). Shared by the end-to-end test
/// and `./bench.sh regressions --part bisect`.</summary>
public sealed record BisectionTimeline(TimeSpan Total, IReadOnlyList<BisectionStepTime> Runs)
{
    public static async Task<BisectionTimeline> ReadAsync(MaestroClient maestro, string bisectionNodeId, CancellationToken cancellationToken = default)
    {
        var bisection = await maestro.GetNodeAsync(bisectionNodeId, cancellationToken)
            ?? throw new InvalidOperationException($"no bisection node {bisectionNodeId}");
        var runs = new List<(string Commit, string Verdict, string CheckoutId)>();
        foreach (var step in bisection.Data["bisect"]?["steps"]?.AsArray() ?? [])
        {
            foreach (var run in step?["runs"]?.AsArray() ?? [])
            {
                if (run?["nodes"]?.AsArray().FirstOrDefault()?["id"]?.ToString() is { } checkout)
                {
                    runs.Add((step!["commit"]!.ToString(), run["verdict"]?.ToString() ?? "?", checkout));
                }
            }
        }

        var ended = bisection.Updated ?? DateTime.UtcNow;
        var times = new List<BisectionStepTime>();
        var checkouts = new List<MaestroNode>();
        foreach (var (_, _, id) in runs)
        {
            checkouts.Add(await maestro.GetNodeAsync(id, cancellationToken) ?? throw new InvalidOperationException($"no checkout node {id}"));
        }

        for (var i = 0; i < runs.Count; i++)
        {
            var checkout = checkouts[i];
            var start = checkout.Created!.Value;
            var end = i + 1 < checkouts.Count ? checkouts[i + 1].Created!.Value : ended;
            var split = await CheckoutSplit.ReadAsync(maestro, checkout, end, cancellationToken);
            times.Add(new BisectionStepTime(runs[i].Commit, runs[i].Verdict, checkout.Id!, end - start, split.Tarball, split.Build, split.Boot));
        }

        return new BisectionTimeline(ended - bisection.Created!.Value, times);
    }

    public override string ToString() =>
        $"bisection {Total.TotalSeconds:F0} s, {Runs.Count} runs:\n" + string.Join("\n", Runs.Select(r => "  " + r));
}
