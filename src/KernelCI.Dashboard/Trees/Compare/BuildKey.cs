namespace KernelCI.Dashboard.Trees.Compare;

/// <summary>How builds pair across the two commits: config, architecture and compiler ("Unknown" for a missing one).</summary>
internal sealed record BuildKey(string ConfigName, string Architecture, string Compiler)
{
    public static IComparer<BuildKey> Order { get; } = Comparer<BuildKey>.Create((x, y) =>
        Ordinal(x.ConfigName, y.ConfigName) is var c and not 0 ? c
        : Ordinal(x.Architecture, y.Architecture) is var a and not 0 ? a
        : Ordinal(x.Compiler, y.Compiler));

    internal static int Ordinal(string x, string y) => string.CompareOrdinal(x, y);
}
