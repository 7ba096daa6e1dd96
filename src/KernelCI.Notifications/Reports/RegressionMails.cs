using System.Text;
using KernelCI.Client.Kcidb.Regressions;

namespace KernelCI.Notifications.Reports;

/// <summary>The text of the regression mails (docs/notifications.md, "Report kinds"): the opening report, and the
/// culprit and fixed follow-ups in its thread. Plain text for mailing lists, with regzbot's commands
/// (https://gitlab.com/knurd42/regzbot, docs/getting_started.md) and the Reported-by trailer upstream's reports carry
/// (kernelci/dashboard: backend/kernelCI_app/management/commands/templates).</summary>
internal sealed class RegressionMails(MailComposer composer, Links links, NotificationsOptions options)
{
    // As the kernel's trailers write a person: no quotes around the name.
    private string ReportedBy => $"{composer.From.Name} <{composer.From.Address}>";

    public string Subject(KcidbRegression r) => r.Kind == "build"
        ? $"[REGRESSION] {r.TreeName}/{r.Branch}: build {r.ConfigName} ({r.Architecture}, {r.Compiler})"
        : $"[REGRESSION] {r.TreeName}/{r.Branch}: {r.Path}{(r.Platform.Length > 0 ? " on " + r.Platform : "")} ({r.ConfigName})";

    public string Opened(KcidbRegression r, FailureDetails details, string footer)
    {
        var text = new StringBuilder();
        text.Append("Hello,\n\n");
        text.Append($"KernelCI found a new regression on {r.TreeName}/{r.Branch}.\n\n");
        Field(text, "tree", r.TreeName + (details.RepositoryUrl is { } url ? $" ({url})" : ""));
        Field(text, "branch", r.Branch);
        Field(text, "commit", Short(r.FirstBadCommit) + (details.CommitName is { Length: > 0 } name ? $" ({name})" : ""));
        Field(text, r.Kind == "build" ? "build" : "test", r.Kind == "build" ? "kernel build" : r.Path);
        if (r.Platform.Length > 0)
        {
            Field(text, "platform", r.Platform);
        }

        Field(text, "config", $"{r.ConfigName} ({r.Architecture}, {r.Compiler})");
        Field(text, "origin", r.Origin);
        Field(text, "last good", Short(r.LastGoodCommit));
        Field(text, "first bad", Short(r.FirstBadCommit));
        text.Append('\n');
        var excerpt = Excerpt(details.LogExcerpt);
        if (excerpt.Count > 0)
        {
            text.Append("Log excerpt:\n\n");
            foreach (var line in excerpt)
            {
                text.Append("    ").Append(line).Append('\n');
            }

            text.Append('\n');
        }

        text.Append("Details:\n\n");
        Field(text, "first bad", links.Result(r.Kind, r.FirstBadResult));
        Field(text, "last good", links.Result(r.Kind, r.LastGoodResult));
        Field(text, "checkout", links.Tree(r.TreeName, r.Branch, r.FirstBadCommit));
        if (details.LogUrl is { } log)
        {
            Field(text, "full log", log);
        }

        text.Append("\nIf you fix this regression, please add this tag to the commit:\n\n");
        text.Append($"  Reported-by: {ReportedBy}\n\n");
        text.Append($"#regzbot introduced: {Short(r.LastGoodCommit)}..{Short(r.FirstBadCommit)}\n");
        return text.Append(footer).ToString();
    }

    public string Culprit(KcidbRegression r, KcidbCulprit culprit, string footer)
    {
        var text = new StringBuilder();
        text.Append("Hello,\n\n");
        text.Append("The bisection of this regression found the commit that introduced it:\n\n");
        text.Append($"  commit {Short(culprit.Commit)} (\"{culprit.Subject ?? "?"}\")\n");
        if (culprit.Author is { Length: > 0 } author)
        {
            text.Append($"  Author: {author}\n");
        }

        text.Append('\n');
        Field(text, "first bad", links.Result(r.Kind, r.FirstBadResult));
        if (culprit.Bisection is { Length: > 0 } bisection)
        {
            Field(text, "bisection", "Maestro node " + bisection);
        }

        text.Append($"\nIf you fix this regression, please add this tag to the commit:\n\n  Reported-by: {ReportedBy}\n\n");
        text.Append($"#regzbot introduced: {Short(culprit.Commit)}\n");
        return text.Append(footer).ToString();
    }

    public string Fixed(KcidbRegression r, string footer)
    {
        var fix = Short(r.FixedByCommit ?? "");
        var text = new StringBuilder();
        text.Append("Hello,\n\n");
        text.Append($"This regression is fixed: {(r.Kind == "build" ? "the build" : r.Path)} passes again on {r.TreeName}/{r.Branch}\n");
        text.Append($"from commit {fix}{(r.State == "closed" ? ", and has passed on the commits after it" : "")}.\n\n");
        Field(text, "checkout", links.Tree(r.TreeName, r.Branch, r.FixedByCommit ?? r.FirstBadCommit));
        text.Append($"\n#regzbot resolve: passes again from {fix}\n");
        return text.Append(footer).ToString();
    }

    /// <summary>The end of every report: why the address gets it and the links that stop it.</summary>
    public static string Footer(string address, string follows, string unsubscribeUrl, string manageUrl) =>
        $"\n-- \nYou get this mail because {address} follows {follows}.\nUnsubscribe: {unsubscribeUrl}\nYour subscriptions: {manageUrl}\n";

    // The kernel's habit: 12 hex digits name a commit in prose.
    public static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;

    private static void Field(StringBuilder text, string name, string value) =>
        text.Append("  ").Append((name + ":").PadRight(12)).Append(value).Append('\n');

    // The end of the excerpt (where the failure is), without terminal control characters.
    private List<string> Excerpt(string? log)
    {
        if (string.IsNullOrWhiteSpace(log) || options.LogExcerptLines == 0)
        {
            return [];
        }

        var lines = log.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        return [.. lines.TakeLast(options.LogExcerptLines)
            .Select(l => new string([.. l.Where(c => c == '\t' || !char.IsControl(c))]).TrimEnd())
            .Select(l => l.Length > 200 ? l[..200] : l)];
    }
}
