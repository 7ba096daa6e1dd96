namespace KernelCI.Bench.Patchwork;

/// <summary>One series on Patchwork's clock: its series-completed event, its first pending check, the last of its
/// contexts' first final checks, and those final states.</summary>
internal sealed record SeriesTimes(long Series, string Name, DateTime Event, DateTime Pending, DateTime Final, string States);
