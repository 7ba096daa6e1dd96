namespace KernelCI.Pipeline.Services.Scheduler;

/// <summary>Our kbuilds go from running straight to done/pass, where upstream's stay `available` through a 10 min
/// holdoff: kci-dev's watch fails any filtered node that is neither running nor done (docs/pipeline/config-and-scheduler.md,
/// "A passing kbuild ends done"). Upstream's scheduler entries still say `{kind: kbuild, state: available}`, so that
/// one transition is also read as the kbuild becoming available.</summary>
internal static class FinishedBuild
{
    /// <summary>The event's fields with state `available`, when it is a kbuild's running → done/pass update; else null.
    /// Only that edge: a kbuild reaching done later (holdoff, closing) had already been available.</summary>
    public static Dictionary<string, string?>? AsAvailable(IReadOnlyDictionary<string, string?> fields)
    {
        if (fields.GetValueOrDefault("kind") != "kbuild" || fields.GetValueOrDefault("state") != "done"
            || fields.GetValueOrDefault("result") != "pass" || fields.GetValueOrDefault("op") != "updated"
            || fields.GetValueOrDefault("previous_state") != "running")
        {
            return null;
        }

        return new Dictionary<string, string?>(fields, StringComparer.Ordinal) { ["state"] = "available" };
    }
}
