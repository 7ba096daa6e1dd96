namespace KernelCI.Testing;

/// <summary>Where one run of a bisection step spent its time (<see cref="BisectionTimeline"/>): its whole wall time,
/// the checkout and tarball, the kbuild, the boot job, and the rest (scheduling, events, the engine's own work), which
/// with the tarball is the orchestration.</summary>
public sealed record BisectionStepTime(string Commit, string Verdict, string CheckoutId, TimeSpan Wall, TimeSpan Tarball, TimeSpan Build, TimeSpan Boot)
{
    /// <summary>Everything but the build and the boot: the tarball, the scheduler, Maestro's events, the engine.</summary>
    public TimeSpan Orchestration => Wall - Build - Boot;

    public override string ToString() =>
        $"{Commit[..12]} {Verdict}: {Wall.TotalSeconds:F0} s = build {Build.TotalSeconds:F0} s + boot {Boot.TotalSeconds:F0} s + orchestration {Orchestration.TotalSeconds:F0} s (of which checkout and tarball {Tarball.TotalSeconds:F0} s)";
}
