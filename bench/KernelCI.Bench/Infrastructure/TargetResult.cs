namespace KernelCI.Bench.Infrastructure;

/// <summary>One target: <see cref="Pass"/> is null when the run did not measure it (e.g. --db sqlite for the COPY ratio).</summary>
internal sealed record TargetResult(string Target, string Measured, string Goal, bool? Pass)
{
    public string Verdict => Pass switch
    {
        true => "PASS",
        false => "MISS",
        null => "n/a",
    };
}
