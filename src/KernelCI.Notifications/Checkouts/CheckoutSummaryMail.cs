using System.Text;
using KernelCI.Client.Kcidb.Regressions;
using KernelCI.Notifications.Reports;

namespace KernelCI.Notifications.Checkouts;

/// <summary>The text of a checkout summary: upstream's subject (`[STATUS][ORIGIN] tree/branch - hash`, dashboard.md §3)
/// and its four lists, with the dashboard link of every item.</summary>
internal sealed class CheckoutSummaryMail(Links links)
{
    public static string Subject(string origin, string tree, string branch, string commit) => $"[STATUS][{origin}] {tree}/{branch} - {commit}";

    public string Body(string origin, string tree, string branch, string commit, string? repositoryUrl, string? result, CheckoutCounts? counts,
        CheckoutSections sections, string footer)
    {
        var text = new StringBuilder();
        text.Append("Hello,\n\n");
        text.Append($"Status summary of {tree}/{branch} at {RegressionMails.Short(commit)}: ");
        text.Append(result == "timeout" ? "its checkout timed out before every job ended.\n\n" : "every job has ended.\n\n");
        Field(text, "tree", tree + (repositoryUrl is { Length: > 0 } url ? $" ({url})" : ""));
        Field(text, "branch", branch);
        Field(text, "commit", commit);
        Field(text, "origin", origin);
        if (counts is not null)
        {
            Field(text, "builds", Counted(counts.Builds, counts.BuildStatuses));
            Field(text, "tests", Counted(counts.Tests, counts.TestStatuses));
        }

        Field(text, "dashboard", links.Tree(tree, branch, commit));
        Section(text, "New regressions", sections.New, r => $"last good {RegressionMails.Short(r.LastGoodCommit)}");
        Section(text, "Fixed", sections.Fixed, r => $"failing since {RegressionMails.Short(r.FirstBadCommit)}");
        Section(text, "Still failing", sections.StillFailing, r => $"since {RegressionMails.Short(r.FirstBadCommit)}");
        Section(text, "Unstable", sections.Unstable, r => $"flaky since {RegressionMails.Short(r.FirstBadCommit)}");
        return text.Append(footer).ToString();
    }

    private void Section(StringBuilder text, string title, IReadOnlyList<KcidbRegression> items, Func<KcidbRegression, string> since)
    {
        text.Append($"\n{title} ({items.Count}){(items.Count == 0 ? ": none" : ":")}\n");
        foreach (var r in items)
        {
            var what = r.Kind == "build" ? $"build {r.ConfigName} ({r.Architecture}, {r.Compiler})" : $"{r.Path}{(r.Platform.Length > 0 ? " on " + r.Platform : "")} ({r.ConfigName})";
            text.Append($"\n  - {what}, {since(r)}\n    {links.Result(r.Kind, r.FirstBadResult)}\n");
        }
    }

    private static string Counted(long total, IReadOnlyList<KeyValuePair<string, long>> statuses) =>
        statuses.Count == 0 ? total.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : $"{total} ({string.Join(", ", statuses.Select(s => $"{s.Value} {s.Key}"))})";

    private static void Field(StringBuilder text, string name, string value) =>
        text.Append("  ").Append((name + ":").PadRight(12)).Append(value).Append('\n');
}
