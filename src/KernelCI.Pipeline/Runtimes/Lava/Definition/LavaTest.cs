namespace KernelCI.Pipeline.Runtimes.Lava.Definition;

/// <summary>A test action: its definitions run in one shell on the DUT, each as one LAVA suite.</summary>
/// Upstream's ltp template also names the action; LAVA 2023.01's schema (Debian 12) refuses that key, so we leave it out.
internal sealed record LavaTest(LavaTimeout Timeout, IReadOnlyList<LavaTestDefinition> Definitions);
