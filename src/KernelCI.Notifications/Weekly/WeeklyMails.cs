using System.Globalization;
using System.Text;
using KernelCI.Notifications.Reports;

namespace KernelCI.Notifications.Weekly;

/// <summary>The text of the weekly reports, after upstream's `hardware_summary` and `metrics_summary`
/// (kernelci/dashboard: backend/kernelCI_app/management/commands/templates/), plain-text tables.</summary>
internal sealed class WeeklyMails(Links links)
{
    public static string HardwareSubject(string platform, DateTimeOffset from, DateTimeOffset until) =>
        $"[KernelCI] Weekly hardware summary: {platform}, {Day(from)} to {Day(until)}";

    public static string MetricsSubject(DateTimeOffset from, DateTimeOffset until) => $"[KernelCI] Weekly metrics, {Day(from)} to {Day(until)}";

    public string Hardware(string platform, PlatformWeek? week, DateTimeOffset from, DateTimeOffset until, string footer)
    {
        var text = new StringBuilder();
        text.Append("Hello,\n\n");
        text.Append($"{platform} from {Time(from)} to {Time(until)} UTC, in the tests of each tree's\nnewest checkout:\n\n");
        if (week is null)
        {
            text.Append("  No results this week: is the board in its lab, and its lab up?\n\n");
        }
        else
        {
            Field(text, "builds", week.Builds.ToString());
            Field(text, "boots", week.Boots.ToString());
            Field(text, "tests", week.Tests.ToString());
        }

        Field(text, "hardware", links.Hardware(platform));
        foreach (var lab in week?.Labs ?? [])
        {
            text.Append($"\nLab {lab.Lab}:\n\n");
            Field(text, "boots", lab.Boots.ToString());
            Field(text, "tests", lab.Tests.ToString());
        }

        return text.Append(footer).ToString();
    }

    public static string Metrics(MetricsWeek week, long opened, long fixedCount, DateTimeOffset from, DateTimeOffset until)
    {
        var text = new StringBuilder();
        text.Append("Hello,\n\n");
        text.Append($"KernelCI from {Day(from)} to {Day(until)} (UTC midnights), against the seven days before:\n\n");
        Field(text, "trees", N(week.Trees));
        Field(text, "checkouts", $"{N(week.Checkouts)} (week before: {N(week.PreviousCheckouts)})");
        Field(text, "builds", $"{N(week.Builds)} (week before: {N(week.PreviousBuilds)})");
        Field(text, "tests", $"{N(week.Tests)} (week before: {N(week.PreviousTests)})");
        Field(text, "issues", $"{N(week.Issues)}, with {N(week.Incidents)} incidents");
        Field(text, "regressions", $"{N(opened)} opened, {N(fixedCount)} fixed");
        if (week.Labs.Count > 0)
        {
            text.Append("\nLabs (builds, boots, tests):\n\n");
            var width = Math.Max(12, week.Labs.Max(l => l.Lab.Length) + 2);
            foreach (var lab in week.Labs)
            {
                text.Append("  ").Append(lab.Lab.PadRight(width)).Append($"{N(lab.Builds),8}{N(lab.Boots),8}{N(lab.Tests),8}\n");
            }
        }

        return text.Append("\n-- \nYou get this mail because this deployment's Notifications:MetricsRecipients lists you.\n").ToString();
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset t) => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static void Field(StringBuilder text, string name, string value) =>
        text.Append("  ").Append((name + ":").PadRight(14)).Append(value).Append('\n');
}
