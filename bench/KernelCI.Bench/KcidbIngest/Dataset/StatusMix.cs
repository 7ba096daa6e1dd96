namespace KernelCI.Bench.KcidbIngest.Dataset;

/// <summary>Status frequencies, drawn first from each object's random stream so other code can recompute a status
/// from (seed, kind, index) alone.</summary>
internal static class StatusMix
{
    public static string DrawBuild(ref ObjectRandom random) => random.Next(1000) switch
    {
        < 900 => "PASS",
        < 960 => "FAIL",
        < 990 => "ERROR",
        _ => "MISS",
    };

    public static string? DrawTest(ref ObjectRandom random) => random.Next(1000) switch
    {
        < 780 => "PASS",
        < 850 => "FAIL",
        < 940 => "SKIP",
        < 965 => "ERROR",
        < 975 => "MISS",
        < 990 => "DONE",
        _ => null,
    };
}
