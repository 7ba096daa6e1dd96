using System.Data.Common;
using KernelCI.Data;
using KernelCI.Notifications.Outbox;
using KernelCI.Notifications.Reports;

namespace KernelCI.Notifications.Subscriptions;

/// <summary>Subscriptions and addresses. The confirmation mail is written in the transaction that adds the
/// subscription; an address gets at most one a day, so nobody can use the API to flood someone else's inbox.</summary>
internal sealed class SubscriptionStore(Database database, OutboxStore outbox, ConfirmationMail confirmations, OutboxSignal signal, UnconfirmedCap cap,
    SubscriptionFiles files, TimeProvider time)
{
    private static readonly TimeSpan ConfirmationInterval = TimeSpan.FromDays(1);

    private const string Columns = """
        s.id, s.address, s.tree, s.branch, s.path, s.platform, s.origin, s.files, s.delivery, s.created_at, a.confirmed_at, s.always
        FROM notification_subscriptions s JOIN notification_addresses a ON a.address = s.address
        """;

    /// <summary>Adds the subscription, or throws <see cref="SubscriptionRefused"/> (nothing written) when the
    /// deployment's cap on unconfirmed addresses or confirmation mails is reached.</summary>
    public async Task<Subscription> AddAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (added, queued) = await outbox.InTransactionAsync(async (writer, connection, transaction) =>
        {
            await cap.LockAsync(database, connection, transaction, cancellationToken);
            bool newAddress;
            await using (var address = Command(connection, transaction, """
                INSERT INTO notification_addresses (address, created_at) VALUES (@address, @now) ON CONFLICT (address) DO NOTHING
                """))
            {
                address.AddParameter("address", subscription.Address);
                address.AddParameter("now", Millis.Of(now));
                newAddress = await address.ExecuteNonQueryAsync(cancellationToken) == 1;
            }

            await using (var insert = Command(connection, transaction, """
                INSERT INTO notification_subscriptions (id, address, tree, branch, path, platform, origin, files, delivery, created_at, always)
                VALUES (@id, @address, @tree, @branch, @path, @platform, @origin, @files, @delivery, @now, @always)
                """))
            {
                insert.AddParameter("id", subscription.Id);
                insert.AddParameter("address", subscription.Address);
                insert.AddParameter("tree", subscription.Tree);
                insert.AddParameter("branch", subscription.Branch);
                insert.AddParameter("path", subscription.Path);
                insert.AddParameter("platform", subscription.Platform);
                insert.AddParameter("origin", subscription.Origin);
                insert.AddParameter("files", subscription.Files);
                insert.AddParameter("delivery", subscription.Delivery);
                insert.AddParameter("now", Millis.Of(now));
                insert.AddParameter("always", subscription.Always ? 1 : 0);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            DateTimeOffset? confirmed, sent;
            await using (var read = Command(connection, transaction, "SELECT confirmed_at, confirmation_sent_at FROM notification_addresses WHERE address = @address"))
            {
                read.AddParameter("address", subscription.Address);
                await using var reader = await read.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                (confirmed, sent) = (Millis.From(reader.GetValue(0)), Millis.From(reader.GetValue(1)));
            }

            var queue = confirmed is null && (sent is null || now - sent.Value >= ConfirmationInterval);
            if (queue)
            {
                await writer.InsertAsync(confirmations.Create(subscription), cancellationToken);
                await using var mark = Command(connection, transaction, "UPDATE notification_addresses SET confirmation_sent_at = @now WHERE address = @address");
                mark.AddParameter("now", Millis.Of(now));
                mark.AddParameter("address", subscription.Address);
                await mark.ExecuteNonQueryAsync(cancellationToken);
            }

            if (confirmed is null && await cap.RefusalAsync(connection, transaction, newAddress, queue, cancellationToken) is { } refusal)
            {
                throw new SubscriptionRefused(refusal);
            }

            return (subscription with { State = confirmed is null ? "unconfirmed" : "active", CreatedAt = now }, queue);
        }, cancellationToken);
        if (queued)
        {
            signal.Notify();
        }

        return added;
    }

    /// <summary>False when the address has no subscription (nothing to confirm).</summary>
    public async Task<bool> ConfirmAsync(string address, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null,
            "UPDATE notification_addresses SET confirmed_at = COALESCE(confirmed_at, @now) WHERE address = @address");
        command.AddParameter("now", Millis.Of(time.GetUtcNow()));
        command.AddParameter("address", address);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<Subscription?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE s.id = @value", id, cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyList<Subscription>> ListAsync(string address, CancellationToken cancellationToken) =>
        QueryAsync("WHERE s.address = @value ORDER BY s.created_at, s.id", address, cancellationToken);

    /// <summary>Every subscription of a confirmed address, and the subscription files' (confirmed by whoever merged
    /// the file): what reports are matched against.
    /// Hardware files' entries are left out: they ask for the weekly hardware summary only.</summary>
    public async Task<IReadOnlyList<Subscription>> ActiveAsync(CancellationToken cancellationToken) =>
        [.. await QueryAsync("WHERE a.confirmed_at IS NOT NULL ORDER BY s.created_at, s.id", null, cancellationToken),
            .. files.All().Where(s => !s.WeeklyHardwareOnly)];

    /// <summary>Who gets a weekly hardware summary: the active subscriptions to a platform (without `files`, which
    /// asks for culprits), and the hardware files' entries.</summary>
    public async Task<IReadOnlyList<Subscription>> WeeklyHardwareAsync(CancellationToken cancellationToken) =>
        [.. (await ActiveAsync(cancellationToken)).Where(s => s.Platform is not null && s.Files is null), .. files.All().Where(s => s.WeeklyHardwareOnly)];

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null, "DELETE FROM notification_subscriptions WHERE id = @id");
        command.AddParameter("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task<IReadOnlyList<Subscription>> QueryAsync(string where, string? value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT {Columns} {where}");
        if (value is not null)
        {
            command.AddParameter("value", value);
        }

        var subscriptions = new List<Subscription>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            subscriptions.Add(new Subscription(reader.GetString(0), reader.GetString(1), Text(reader, 2), Text(reader, 3), Text(reader, 4),
                Text(reader, 5), Text(reader, 6), Text(reader, 7), reader.GetString(8), reader.IsDBNull(10) ? "unconfirmed" : "active",
                Millis.From(reader.GetInt64(9))) { Always = Convert.ToInt64(reader.GetValue(11), System.Globalization.CultureInfo.InvariantCulture) != 0 });
        }

        return subscriptions;
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
