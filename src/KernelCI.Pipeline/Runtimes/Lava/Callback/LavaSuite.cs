namespace KernelCI.Pipeline.Runtimes.Lava.Callback;

/// <summary>One suite of a callback's `results`, under LAVA's name (`0_smoke`, `lava`), with its cases in the order
/// LAVA listed them.</summary>
internal sealed record LavaSuite(string Name, IReadOnlyList<LavaCase> Cases);
