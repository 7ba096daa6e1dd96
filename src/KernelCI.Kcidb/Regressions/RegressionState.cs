namespace KernelCI.Kcidb.Regressions;

/// <summary>A regression's lifecycle (docs/regressions.md, "Lifecycle"): open when a series that passed fails; fixed
/// when it passes again on a later commit; closed after <see cref="RegressionRules.CloseAfterPasses"/> further passes;
/// invalid when a person says so. A failure while fixed reopens it.</summary>
public enum RegressionState
{
    Open,
    Fixed,
    Closed,
    Invalid,
}
