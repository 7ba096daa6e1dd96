namespace KernelCI.Pipeline.Runtimes.Lava;

/// <summary>Job priorities as kernelci-core's LAVA runtime computes them (kernelci/kernelci-core:kernelci/runtime/lava.py,
/// _get_priority): pipeline jobs take the tree's priority, else the job's, else low (20); a user's job takes
/// data.priority, else 80; the lab then scales it by `priority` percent, or into priority_min..priority_max.</summary>
internal static class LavaPriority
{
    public const int Highest = 80;
    public const int High = 60;
    public const int Medium = 40;
    public const int Low = 20;

    public const string PipelineSubmitter = "service:pipeline";

    /// <summary>LAVA's own level names, accepted for a lab-wide `priority` (kernelci-core RuntimeLAVA.PRIORITIES).</summary>
    public static readonly IReadOnlyDictionary<string, int> Levels = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["low"] = 0, ["medium"] = 50, ["high"] = 100,
    };

    public static int Base(string? submitter, string? userPriority, string? treePriority, string? jobPriority) =>
        submitter is { } s && s != PipelineSubmitter
            ? Resolve(userPriority, Highest)
            : Resolve(treePriority ?? jobPriority, Low);

    public static int Scale(int priority, LavaLabSettings lab)
    {
        if (lab.Priority is > 0 and var percent)
        {
            return priority * percent / 100;
        }

        var min = lab.PriorityMin ?? lab.Priority;
        var max = lab.PriorityMax ?? lab.Priority;
        return min is { } low && max is { } high ? (int)(priority * (high - low) / 100.0 + low) : priority;
    }

    /// <summary>The base priority as a fraction of 0–100: the queue gate's weighting, invariant under the lab's scaling.</summary>
    public static double Fraction(int basePriority) => Math.Clamp(basePriority / 100.0, 0, 1);

    private static int Resolve(string? value, int fallback) => value switch
    {
        null => fallback,
        "high" => High,
        "medium" => Medium,
        "low" => Low,
        _ => int.TryParse(value, out var number) ? number : fallback,
    };
}
