using System.Security.Cryptography;
using System.Text;
using KernelCI.Data;
using KernelCI.Notifications.Feed;
using KernelCI.Notifications.Outbox;
using KernelCI.Notifications.Reports;
using KernelCI.Notifications.Subscriptions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Notifications.Checkouts;

/// <summary>Writes each recorded checkout's summary when it is due, one per matching subscription (a subscription
/// with that tree, and the branch and origin if it names them): only when a regression opened or was fixed at the
/// checkout's commit, unless the subscription says `always`. The mails and the checkout's mark are one transaction;
/// a mail's Message-ID is fixed by the checkout and the subscription, so none is written twice.</summary>
internal sealed class CheckoutSummaries(OutboxStore outbox, SubscriptionStore subscriptions, ICheckoutCounts counts, CheckoutSummaryMail mails,
    ReportOutlet outlet, MailComposer composer, OutboxSignal signal, TimeProvider time, ILogger<CheckoutSummaries> logger) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromHours(1);
    private readonly OutboxSignal _wake = new();

    /// <summary>A checkout was recorded: its summary may be due sooner than the timer thinks.</summary>
    public void Wake() => _wake.Notify();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = Idle;
            try
            {
                while (await WriteDueAsync(stoppingToken) > 0)
                {
                }

                if (await NextDueAsync(stoppingToken) is { } next)
                {
                    wait = next - time.GetUtcNow() < Idle ? next - time.GetUtcNow() : Idle;
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                NotificationsLog.CheckoutSummariesFailed(logger, e.Message);
                wait = TimeSpan.FromMinutes(1);
            }

            if (wait > TimeSpan.Zero)
            {
                await _wake.WaitAsync(wait, time, stoppingToken);
            }
        }
    }

    private async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        await outbox.InTransactionAsync(async (writer, _, _) =>
        {
            await using var command = writer.Command("SELECT MIN(due_at) FROM notification_checkouts WHERE summarized_at IS NULL");
            return Millis.From(await command.ExecuteScalarAsync(cancellationToken) ?? DBNull.Value);
        }, cancellationToken);

    /// <summary>Summarizes up to 20 due checkouts; returns how many.</summary>
    internal async Task<int> WriteDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await outbox.InTransactionAsync(async (writer, _, _) =>
        {
            await using var command = writer.Command("""
                SELECT checkout_id, origin, tree, branch, commit_hash, repository_url, result FROM notification_checkouts
                WHERE summarized_at IS NULL AND due_at <= @now ORDER BY due_at, checkout_id LIMIT 20
                """);
            command.AddParameter("now", Millis.Of(now));
            var rows = new List<(string Id, string Origin, string Tree, string Branch, string Commit, string? Url, string? Result)>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
            }

            return rows;
        }, cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var active = await subscriptions.ActiveAsync(cancellationToken);
        // KCIDB is read before the transaction opens, as the regression reports' details are.
        var found = new Dictionary<string, CheckoutCounts?>(StringComparer.Ordinal);
        foreach (var c in due)
        {
            found[c.Id] = active.Any(s => Follows(s, c.Origin, c.Tree, c.Branch)) ? await counts.ReadAsync($"{c.Origin}:{c.Id}", cancellationToken) : null;
        }

        var written = 0;
        foreach (var c in due)
        {
            var mailsOfCheckout = await outbox.InTransactionAsync(async (writer, _, _) =>
            {
                var regressions = (await RegressionMirror.OfBranchAsync(writer, c.Tree, c.Branch, cancellationToken)).Where(r => r.Origin == c.Origin).ToList();
                var count = 0;
                foreach (var s in active.Where(s => Follows(s, c.Origin, c.Tree, c.Branch)))
                {
                    var sections = CheckoutSections.Of(c.Commit, regressions.Where(r => SubscriptionMatch.Matches(s, r)));
                    if (!sections.Changed && !s.Always)
                    {
                        continue;
                    }

                    var subject = CheckoutSummaryMail.Subject(c.Origin, c.Tree, c.Branch, c.Commit);
                    var body = mails.Body(c.Origin, c.Tree, c.Branch, c.Commit, c.Url, c.Result, found[c.Id], sections, outlet.Footer(s.Address, s));
                    var messageId = composer.ReportId(MailKinds.Checkout, $"{Key(c.Id)}.{s.Id}", s.Address);
                    count += await outlet.WriteAsync(writer, MailKinds.Checkout, s.Address, [s], c.Tree, subject, messageId, body, cancellationToken) ? 1 : 0;
                }

                await using var mark = writer.Command("UPDATE notification_checkouts SET summarized_at = @now WHERE checkout_id = @id");
                mark.AddParameter("now", Millis.Of(now));
                mark.AddParameter("id", c.Id);
                await mark.ExecuteNonQueryAsync(cancellationToken);
                return count;
            }, cancellationToken);
            NotificationsLog.CheckoutSummarized(logger, c.Id, mailsOfCheckout);
            written += mailsOfCheckout;
        }

        if (written > 0)
        {
            signal.Notify();
        }

        return due.Count;
    }

    private static bool Follows(Subscription s, string origin, string tree, string branch) =>
        s.Tree == tree && (s.Branch is null || s.Branch == branch) && (s.Origin is null || s.Origin == origin) && s.Files is null;

    // A Maestro node id is 24 hex digits; anything else is hashed, since a Message-ID allows few characters.
    private static string Key(string checkoutId) => checkoutId.All(char.IsAsciiLetterOrDigit)
        ? checkoutId
        : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(checkoutId)))[..24];
}
