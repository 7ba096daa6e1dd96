using System.Security.Cryptography;
using System.Text;
using KernelCI.Data;
using KernelCI.Notifications.Outbox;
using KernelCI.Notifications.Reports;
using KernelCI.Notifications.Subscriptions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Notifications.BuildIssues;

/// <summary>Every <see cref="NotificationsOptions.BuildIssueCheckMinutes"/> (on the TimeProvider) reads the issues with
/// build incidents written since the last read, and reports each issue once per tree it is first seen on
/// (`notification_build_issues`) to the subscriptions that follow builds of that tree. KCIDB has no change feed of
/// incidents, so this reads a window, as upstream's hourly `new_issues`; the window starts an hour before the last
/// read, so an issue committed late is still found, and the table keeps it from being reported twice. The marks, the
/// mails and the time read up to are one transaction.</summary>
internal sealed class BuildIssueReader(IBuildIssueSource source, OutboxStore outbox, SubscriptionStore subscriptions, BuildIssueMail mails,
    ReportOutlet outlet, MailComposer composer, OutboxSignal signal, NotificationsOptions options, TimeProvider time, ILogger<BuildIssueReader> logger)
    : BackgroundService
{
    public const string Cursor = "build-issues";

    private static readonly TimeSpan Overlap = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.BuildIssueCheckMinutes), time);
        do
        {
            try
            {
                await ReadAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                NotificationsLog.BuildIssuesFailed(logger, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One read; returns the number of mails written.</summary>
    internal async Task<int> ReadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var last = await outbox.InTransactionAsync((writer, _, _) => writer.CursorAsync(Cursor, cancellationToken), cancellationToken);
        // A first start looks back one period only: the issues of the past are not news.
        var since = last > 0 ? Millis.From(last) - Overlap : now - TimeSpan.FromMinutes(options.BuildIssueCheckMinutes);
        var issues = await source.ReadAsync(since, cancellationToken);
        var active = issues.Count > 0 ? await subscriptions.ActiveAsync(cancellationToken) : [];
        var written = await outbox.InTransactionAsync(async (writer, _, _) =>
        {
            var count = 0;
            foreach (var issue in issues)
            {
                foreach (var tree in issue.Builds.GroupBy(b => b.Tree, StringComparer.Ordinal))
                {
                    await using var mark = writer.Command("""
                        INSERT INTO notification_build_issues (issue_id, tree, reported_at) VALUES (@issue, @tree, @now)
                        ON CONFLICT (issue_id, tree) DO NOTHING
                        """);
                    mark.AddParameter("issue", issue.Id);
                    mark.AddParameter("tree", tree.Key);
                    mark.AddParameter("now", Millis.Of(now));
                    if (await mark.ExecuteNonQueryAsync(cancellationToken) == 0)
                    {
                        continue;
                    }

                    var builds = tree.OrderBy(b => b.Branch, StringComparer.Ordinal).ThenBy(b => b.Id, StringComparer.Ordinal).ToList();
                    var mailsOfTree = 0;
                    foreach (var group in active.Where(s => Follows(s, issue, builds)).GroupBy(s => s.Address, StringComparer.Ordinal))
                    {
                        var matching = group.ToList();
                        var messageId = composer.ReportId(MailKinds.BuildIssue, $"{Key(issue.Id)}.{Key(tree.Key)}", group.Key);
                        var body = mails.Body(issue, tree.Key, builds, outlet.Footer(group.Key, matching[0]));
                        mailsOfTree += await outlet.WriteAsync(writer, MailKinds.BuildIssue, group.Key, matching, tree.Key,
                            BuildIssueMail.Subject(issue, tree.Key, builds), messageId, body, cancellationToken) ? 1 : 0;
                    }

                    NotificationsLog.BuildIssueReported(logger, issue.Id, tree.Key, mailsOfTree);
                    count += mailsOfTree;
                }
            }

            await writer.SaveCursorAsync(Cursor, Millis.Of(now), cancellationToken);
            return count;
        }, cancellationToken);
        if (written > 0)
        {
            signal.Notify();
        }

        return written;
    }

    // Builds have no test path or platform: only subscriptions to a tree (and branch) or an origin follow them.
    private static bool Follows(Subscription s, BuildIssue issue, IReadOnlyList<IssueBuild> builds) =>
        s.Path is null && s.Platform is null && s.Files is null
        && (s.Tree is null || s.Tree == builds[0].Tree)
        && (s.Branch is null || builds.Any(b => b.Branch == s.Branch))
        && (s.Origin is null || s.Origin == issue.Origin);

    private static string Key(string text) => text.All(char.IsAsciiLetterOrDigit)
        ? text
        : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24];
}
