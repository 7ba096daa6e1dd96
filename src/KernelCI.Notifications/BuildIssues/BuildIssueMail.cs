using System.Text;
using KernelCI.Notifications.Reports;

namespace KernelCI.Notifications.BuildIssues;

/// <summary>The text of a new build issue report, after upstream's (kernelci/dashboard:
/// backend/kernelCI_app/management/commands/templates/issue_report.txt.j2): the issue, the builds of the tree it
/// broke, their dashboard links and logs, and the Reported-by trailer.</summary>
internal sealed class BuildIssueMail(MailComposer composer, Links links)
{
    public static string Subject(BuildIssue issue, string tree, IReadOnlyList<IssueBuild> builds) =>
        $"[KernelCI] {tree}/{string.Join(",", builds.Select(b => b.Branch).Distinct().Order(StringComparer.Ordinal))}: new build issue: {Title(issue)}";

    public string Body(BuildIssue issue, string tree, IReadOnlyList<IssueBuild> builds, string footer)
    {
        var text = new StringBuilder();
        text.Append("Hello,\n\n");
        text.Append($"KernelCI found a build issue not seen on {tree} before.\n\n");
        Field(text, "issue", $"{issue.Id} (version {issue.Version})");
        Field(text, "title", Title(issue));
        Field(text, "origin", issue.Origin);
        if (issue.Culprits.Count > 0)
        {
            Field(text, "culprit", string.Join(", ", issue.Culprits));
        }

        if (issue.ReportUrl is { Length: > 0 } report)
        {
            Field(text, "report", report);
        }

        Field(text, "details", links.Issue(issue.Id));
        text.Append($"\nBuilds of {tree} with this issue ({builds.Count}):\n");
        foreach (var b in builds)
        {
            text.Append($"\n  - {b.Branch}: {b.Config} ({b.Architecture}, {b.Compiler}){(b.Status is { } status ? ": " + status : "")}\n");
            text.Append($"    {links.Build(b.Id)}\n");
            if (b.LogUrl is { Length: > 0 } log)
            {
                text.Append($"    log: {log}\n");
            }
        }

        text.Append($"\nIf you fix this issue, please add this tag to the commit:\n\n  Reported-by: {composer.From.Name} <{composer.From.Address}>\n");
        return text.Append(footer).ToString();
    }

    // A submitter's free text: one line, without control characters, short enough for a subject.
    private static string Title(BuildIssue issue)
    {
        var title = issue.ReportSubject is { Length: > 0 } subject ? subject : issue.Comment is { Length: > 0 } comment ? comment : issue.Id;
        title = string.Join(' ', new string([.. title.Select(c => char.IsControl(c) ? ' ' : c)]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return title.Length > 120 ? title[..117] + "..." : title;
    }

    private static void Field(StringBuilder text, string name, string value) =>
        text.Append("  ").Append((name + ":").PadRight(12)).Append(value).Append('\n');
}
