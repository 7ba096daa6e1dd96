namespace KernelCI.Dashboard.Trees.Compare;

/// <summary>How boots and tests pair: path, config, architecture and platform ("Unknown" for a missing one).</summary>
internal sealed record TestKey(string Path, string ConfigName, string Architecture, string Platform)
{
    public static IComparer<TestKey> Order { get; } = Comparer<TestKey>.Create((x, y) =>
        BuildKey.Ordinal(x.Path, y.Path) is var p and not 0 ? p
        : BuildKey.Ordinal(x.ConfigName, y.ConfigName) is var c and not 0 ? c
        : BuildKey.Ordinal(x.Architecture, y.Architecture) is var a and not 0 ? a
        : BuildKey.Ordinal(x.Platform, y.Platform));
}
