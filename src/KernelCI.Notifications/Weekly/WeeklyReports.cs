using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KernelCI.Data;
using KernelCI.Notifications.Feed;
using KernelCI.Notifications.Outbox;
using KernelCI.Notifications.Reports;
using KernelCI.Notifications.Subscriptions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Notifications.Weekly;

/// <summary>Once a week, at <see cref="NotificationsOptions.WeeklyReportDay"/> and <see cref="NotificationsOptions.WeeklyReportHour"/>
/// (UTC, on the TimeProvider's clock): a hardware summary per platform to each address following that platform, and
/// the metrics to <see cref="NotificationsOptions.MetricsRecipients"/>. The figures are read first; the mails and the
/// week's mark (`notification_cursors` `weekly-reports`) are one transaction, and each Message-ID is fixed by the week,
/// so a week is reported once. A first start marks the week that has ended without reporting it.</summary>
internal sealed class WeeklyReports(IWeeklyFigures figures, OutboxStore outbox, SubscriptionStore subscriptions, WeeklyMails mails, ReportOutlet outlet,
    MailComposer composer, OutboxSignal signal, NotificationsOptions options, TimeProvider time, ILogger<WeeklyReports> logger) : BackgroundService
{
    public const string Cursor = "weekly-reports";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            // A timer to the next report time, not a poll; a failed round (KCIDB or the database away) is tried
            // again ten minutes later, not a week.
            var wait = LastWeekEnd(now).AddDays(7) - now;
            try
            {
                await WriteDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                NotificationsLog.WeeklyFailed(logger, e.Message);
                wait = TimeSpan.FromMinutes(10);
            }

            await Task.Delay(wait, time, stoppingToken);
        }
    }

    /// <summary>The newest report time at or before <paramref name="now"/>.</summary>
    internal DateTimeOffset LastWeekEnd(DateTimeOffset now)
    {
        var at = new DateTimeOffset(now.Year, now.Month, now.Day, options.WeeklyReportHour, 0, 0, TimeSpan.Zero);
        at = at.AddDays(-(((int)at.DayOfWeek - (int)options.WeeklyReportDay + 7) % 7));
        return at > now ? at.AddDays(-7) : at;
    }

    /// <summary>Writes the week's reports if its report time has passed and they are not written; returns the mails written.</summary>
    internal async Task<int> WriteDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var end = LastWeekEnd(now);
        var from = end.AddDays(-7);
        var last = await outbox.InTransactionAsync((writer, _, _) => writer.CursorAsync(Cursor, cancellationToken), cancellationToken);
        if (last >= Millis.Of(end))
        {
            return 0;
        }

        if (last == 0)
        {
            return await outbox.InTransactionAsync(async (writer, _, _) =>
            {
                await writer.SaveCursorAsync(Cursor, Millis.Of(end), cancellationToken);
                return 0;
            }, cancellationToken);
        }

        var platforms = await subscriptions.WeeklyHardwareAsync(cancellationToken);
        var hardware = new Dictionary<string, PlatformWeek?>(StringComparer.Ordinal);
        foreach (var platform in platforms.Select(s => s.Platform!).Distinct(StringComparer.Ordinal))
        {
            hardware[platform] = await figures.HardwareAsync(platform, from, end, cancellationToken);
        }

        var metrics = options.MetricsRecipients.Length > 0 ? await figures.MetricsAsync(cancellationToken) : null;
        var midnight = new DateTimeOffset(now.Year, now.Month, now.Day, 0, 0, 0, TimeSpan.Zero);
        var week = end.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var written = await outbox.InTransactionAsync(async (writer, _, _) =>
        {
            var count = 0;
            foreach (var group in platforms.GroupBy(s => (s.Address, s.Platform!)))
            {
                var (address, platform) = group.Key;
                var matching = group.ToList();
                var body = mails.Hardware(platform, hardware[platform], from, end, outlet.Footer(address, matching[0]));
                var messageId = composer.ReportId(MailKinds.Hardware, $"{week}.{Key(platform)}", address);
                count += await outlet.WriteAsync(writer, MailKinds.Hardware, address, matching, "", WeeklyMails.HardwareSubject(platform, from, end), messageId, body,
                    cancellationToken) ? 1 : 0;
            }

            if (metrics is not null)
            {
                var (opened, fixedCount) = await RegressionMirror.CountAsync(writer, midnight.AddDays(-7), midnight, cancellationToken);
                var subject = WeeklyMails.MetricsSubject(midnight.AddDays(-7), midnight);
                var body = WeeklyMails.Metrics(metrics, opened, fixedCount, midnight.AddDays(-7), midnight);
                foreach (var recipient in options.MetricsRecipients.Select(r => r.ToLowerInvariant()).Distinct(StringComparer.Ordinal))
                {
                    var messageId = composer.ReportId(MailKinds.Metrics, week, recipient);
                    var message = composer.Compose(recipient, subject, body, messageId, null, null, MailKinds.Metrics);
                    count += await writer.InsertAsync(new OutboxMail(MailKinds.Metrics, recipient, "", null, subject, messageId, message, now), cancellationToken) ? 1 : 0;
                }
            }

            await writer.SaveCursorAsync(Cursor, Millis.Of(end), cancellationToken);
            return count;
        }, cancellationToken);
        NotificationsLog.WeeklyWritten(logger, week, written);
        if (written > 0)
        {
            signal.Notify();
        }

        return written;
    }

    private static string Key(string text) => text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
        ? text
        : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24];
}
