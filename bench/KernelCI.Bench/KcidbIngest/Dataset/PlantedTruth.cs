namespace KernelCI.Bench.KcidbIngest.Dataset;

/// <summary>A planted series (<see cref="PlantedSeries"/>): a regression, with the commit it fails from, or a flaky series.</summary>
internal sealed record PlantedTruth(bool IsRegression, string Tree, string Branch, string Path, string Config, string Architecture,
    string Compiler, string Platform, string? FirstBadCommit)
{
    /// <summary>The series' fields as <c>kcidb_regressions</c> and <c>kcidb_series</c> hold them (origin maestro, kind test).</summary>
    public string SeriesText => SeriesTextOf(Tree, Branch, Path, Config, Architecture, Compiler, Platform);

    public static string SeriesTextOf(string tree, string branch, string path, string config, string architecture, string compiler, string platform) =>
        string.Join('\u001f', tree, branch, path, config, architecture, compiler, platform);
}
