using System.Globalization;
using KernelCI.Bench.Infrastructure;

namespace KernelCI.Bench.DashboardPages;

/// <summary>One table per database against issue 17's targets: time to first byte p95 ≤ 50 ms, load event ≤ 500 ms
/// (median of the loads), and no first view transferring more than 500 KB.</summary>
internal static class PagesReport
{
    public const double FirstByteP95Target = 50;
    public const double LoadTarget = 500;
    public const long FirstViewBytesTarget = 500 * 1024;

    public static async Task<int> PrintAsync(string database, IReadOnlyList<PageFigures> pages, PagesSettings settings, TextWriter output)
    {
        var table = new TextTable("page", "TTFB p50", "p95", "whole p95", "HTML KB", "load", "LCP", "first view KB", "target");
        var misses = 0;
        foreach (var p in pages)
        {
            var pass = p.Server.FirstByteP(95) <= FirstByteP95Target && p.Browser.LoadMedian <= LoadTarget && p.Browser.MaxTransferred <= FirstViewBytesTarget;
            misses += pass ? 0 : 1;
            table.Add(p.Page.Name, Ms(p.Server.FirstByteP(50)), Ms(p.Server.FirstByteP(95)), Ms(p.Server.WholeP(95)), Kb(p.Server.HtmlBytes),
                Ms(p.Browser.LoadMedian), Ms(p.Browser.LargestPaintMedian), Kb(p.Browser.MaxTransferred), pass ? "PASS" : "MISS");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync($"== dashboard pages on {database}: {settings.Requests} requests per page after {settings.WarmUp} untimed (times in ms), " +
            $"then {settings.Loads} first-view loads in Chromium (median load event and LCP, largest transfer)");
        await output.WriteAsync(table.ToString());
        await output.WriteLineAsync($"targets: TTFB p95 <= {FirstByteP95Target} ms, load <= {LoadTarget} ms, first view <= {FirstViewBytesTarget / 1024} KB: " +
            (misses == 0 ? "PASS" : $"MISS ({misses} pages)"));
        return misses;
    }

    private static string Ms(double milliseconds) =>
        double.IsNaN(milliseconds) ? "n/a" : milliseconds.ToString(milliseconds < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);

    private static string Kb(long bytes) => (bytes / 1024.0).ToString("F0", CultureInfo.InvariantCulture);
}
