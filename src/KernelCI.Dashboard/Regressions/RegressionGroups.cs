using KernelCI.Dashboard.Data;

namespace KernelCI.Dashboard.Regressions;

/// <summary>Test histories nested as upstream's tree-report and summary email print them: platform → config →
/// "architecture/compiler" → path → runs, newest first.</summary>
internal sealed class RegressionGroups : Dictionary<string, Dictionary<string, Dictionary<string, Dictionary<string, List<RegressionRun>>>>>
{
    public RegressionGroups() : base(StringComparer.Ordinal)
    {
    }

    public void Add(string platform, string config, string archCompiler, string path, List<RegressionRun> runs)
    {
        if (!TryGetValue(platform, out var configs))
        {
            this[platform] = configs = new(StringComparer.Ordinal);
        }

        if (!configs.TryGetValue(config, out var archCompilers))
        {
            configs[config] = archCompilers = new(StringComparer.Ordinal);
        }

        if (!archCompilers.TryGetValue(archCompiler, out var paths))
        {
            archCompilers[archCompiler] = paths = new(StringComparer.Ordinal);
        }

        paths[path] = runs;
    }

    /// <summary>How upstream prints a missing dimension in these keys: Python's `str(None)` inside the
    /// "arch/compiler" string, and JSON's `null` for a missing config or path used as a key.</summary>
    internal static string ArchCompiler(string? architecture, string? compiler) => $"{architecture ?? "None"}/{compiler ?? "None"}";

    internal static string Key(string? value) => value ?? "null";

    internal static RegressionRun Run(TestRun run) => new(run.Id, DashboardSql.FormatTime(run.StartTime), run.Status);
}
