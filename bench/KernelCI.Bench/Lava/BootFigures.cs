namespace KernelCI.Bench.Lava;

/// <summary>One boot through the real lab, in seconds: our orchestration is <see cref="ToSubmit"/> +
/// <see cref="ToKcidb"/>; <see cref="Queue"/>, <see cref="Boot"/> and <see cref="CallbackDelay"/> are LAVA's.</summary>
internal sealed record BootFigures(string JobId, string Result, string Health, double ToSubmit, double Queue, double Boot, double CallbackDelay,
    double ToKcidb, double Total)
{
    public double Orchestration => ToSubmit + ToKcidb;
}
