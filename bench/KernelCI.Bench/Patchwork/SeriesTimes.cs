namespace KernelCI.Bench.Patchwork;

/// <summary>One series on Patchwork's clock: its series-completed event, its first pending check, its final build check.</summary>
internal sealed record SeriesTimes(long Series, DateTime Event, DateTime Pending, DateTime Final);
