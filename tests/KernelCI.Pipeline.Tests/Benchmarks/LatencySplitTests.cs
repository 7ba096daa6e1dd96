using KernelCI.Client.Maestro;
using KernelCI.Testing;

namespace KernelCI.Pipeline.Tests.Benchmarks;

/// <summary>The arithmetic of the benchmarks' build/boot/orchestration split (KernelCI.Testing's CheckoutSplit and
/// LatencySplit, used by `./bench.sh patchwork --real-kernel` and `./bench.sh regressions --part bisect`).</summary>
public sealed class LatencySplitTests
{
    private static readonly DateTime T0 = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    private static MaestroNode Node(string id, string kind, string? parent, double created, double? updated = null) => new()
    {
        Id = id,
        Kind = kind,
        Name = kind,
        Parent = parent,
        Treeid = "t",
        Created = T0.AddSeconds(created),
        Updated = updated is { } u ? T0.AddSeconds(u) : null,
    };

    private static readonly MaestroNode Patchset = Node("p", "checkout", "base", 0);

    [Fact]
    public void Build_runs_from_the_kbuild_to_the_boot_job_and_boot_to_its_first_result()
    {
        var tree = new[]
        {
            Patchset, Node("k", "kbuild", "p", 4), Node("j", "job", "k", 104, updated: 140), Node("r1", "test", "j", 130), Node("r2", "test", "j", 131),
        };

        var split = CheckoutSplit.Of(Patchset, tree, T0.AddSeconds(500));

        Assert.Equal((4.0, 100.0, 26.0), (split.Tarball.TotalSeconds, split.Build.TotalSeconds, split.Boot.TotalSeconds));
    }

    [Fact]
    public void Boot_without_result_nodes_ends_at_the_jobs_last_update()
    {
        var tree = new[] { Patchset, Node("k", "kbuild", "p", 4), Node("j", "job", "k", 104, updated: 150) };

        Assert.Equal(46, CheckoutSplit.Of(Patchset, tree, T0.AddSeconds(500)).Boot.TotalSeconds);
    }

    [Fact]
    public void Checkout_with_no_kbuild_is_all_tarball_until_the_end()
    {
        var split = CheckoutSplit.Of(Patchset, [Patchset], T0.AddSeconds(30));

        Assert.Equal((30.0, 0.0, 0.0), (split.Tarball.TotalSeconds, split.Build.TotalSeconds, split.Boot.TotalSeconds));
    }

    [Fact]
    public void Orchestration_is_the_final_latency_less_the_build_and_the_boot()
    {
        var latency = LatencySplit.Of(T0, T0.AddSeconds(2), T0.AddSeconds(140),
            new CheckoutSplit(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(26)));

        Assert.Equal((2.0, 140.0, 14.0), (latency.ToFirst.TotalSeconds, latency.ToFinal.TotalSeconds, latency.Orchestration.TotalSeconds));
    }
}
