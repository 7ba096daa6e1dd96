using KernelCI.Bench.KcidbIngest.Dataset.Model;

namespace KernelCI.Bench.KcidbIngest.Dataset;

/// <summary>Issues as the bridge's logspec step writes them: version 1, culprit code, `misc.logspec` details.</summary>
internal sealed class IssueFactory(long seed, IdFactory ids)
{
    private static readonly string[] Symbols = ["devm_clk_get", "of_node_put", "kmalloc_array", "regmap_read", "dma_map_single"];

    public KcidbIssue Create(int index)
    {
        var random = ObjectRandom.For(seed, ObjectKind.Issue, index);
        var id = ids.HashId(ObjectKind.Issue, index);
        var build = random.Next(5) < 2;
        var target = build ? $"drivers/misc/unit_{random.Next(500)}.o" : "boot";
        var source = $"drivers/misc/unit_{random.Next(500)}.c";
        var summary = build
            ? $"implicit declaration of function '{random.Pick(Symbols)}'"
            : $"WARNING: CPU: {random.Next(8)} PID: {random.Next(1, 400)} at {source}:{random.Next(20, 2000)}";
        var parser = build ? "kbuild" : "generic_linux_boot";
        var errorType = build ? "kbuild.compiler.error" : "linux.kernel.warning";
        return new KcidbIssue(
            id,
            1,
            IdFactory.Origin,
            $" {summary} in {target} ({source}) [logspec:{parser},{errorType}]",
            new IssueCulprit(true, false, false),
            new IssueMisc(new IssueLogspec("20241010.0", parser, new LogspecError(errorType, summary, target, source, id[8..]))));
    }
}
