namespace KernelCI.Dashboard.Trees.Compare;

/// <summary>How boots and tests pair: path, config, architecture and platform ("Unknown" for a missing one).</summary>
internal sealed record TestKey(string Path, string ConfigName, string Architecture, string Platform)
{
    // Computed once: compare hashes each key in its side's map, the union of both sides and each lookup after it, and
    // hashing four strings was 5 % of the compare page's CPU (docs/benchmarks.md, "dashboard-pages", session 14). Equal
    // keys have equal hashes, so the synthesized Equals, which also compares this field, is unchanged (a key made with
    // `with` would copy a stale hash: make a new one instead).
    private readonly int _hash = HashCode.Combine(Path, ConfigName, Architecture, Platform);

    public override int GetHashCode() => _hash;

    public static IComparer<TestKey> Order { get; } = Comparer<TestKey>.Create((x, y) =>
        BuildKey.Ordinal(x.Path, y.Path) is var p and not 0 ? p
        : BuildKey.Ordinal(x.ConfigName, y.ConfigName) is var c and not 0 ? c
        : BuildKey.Ordinal(x.Architecture, y.Architecture) is var a and not 0 ? a
        : BuildKey.Ordinal(x.Platform, y.Platform));
}
