namespace KernelCI.Dashboard.Trees;

/// <summary><see cref="Count"/> tests or boots sharing every dimension the summaries break down by: one row of
/// dash_build_tests joined with its build, or one raw test (then <see cref="Path"/> is its whole path and
/// <see cref="Duration"/> is known). Missing text values are "Unknown", as upstream shows them.</summary>
internal sealed record TestFact(bool IsBoot, string Origin, string Path, string Platform, string[]? Compatibles, string Lab,
    string Status, string Architecture, string Compiler, string Config, double? Duration, long Count, string HardwareKey);
