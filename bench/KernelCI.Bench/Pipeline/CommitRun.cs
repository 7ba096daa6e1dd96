namespace KernelCI.Bench.Pipeline;

/// <summary>The nodes of one commit's run and when its boot result was queryable in KCIDB.</summary>
internal sealed record CommitRun(Observed Checkout, Observed Kbuild, Observed Boot, DateTime InKcidbAt);
