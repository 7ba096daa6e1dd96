using System.Data.Common;
using System.Globalization;
using KernelCI.Data;
using KernelCI.Notifications.Outbox;
using KernelCI.Notifications.Reports;

namespace KernelCI.Notifications.Subscriptions;

/// <summary>Posting a subscription needs no login, so the whole deployment caps what strangers can make it do
/// (docs/notifications.md, "Bad input"): at most <see cref="NotificationsOptions.MaxUnconfirmedAddresses"/> addresses
/// awaiting confirmation (those added in the confirmation link's lifetime), and at most
/// <see cref="NotificationsOptions.MaxConfirmationsPerHour"/> confirmation mails an hour. Checked in the transaction
/// that adds the subscription, after its writes: SQLite then holds its one write lock, and PostgreSQL takes a
/// transaction lock first, so two posts at once cannot both take the last place.</summary>
internal sealed class UnconfirmedCap(NotificationsOptions options, TimeProvider time)
{
    // pg_advisory_xact_lock's key: any constant no other part of the deployment uses.
    private const long LockKey = 0x6b63695f6e6f7469;

    public async Task LockAsync(Database database, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (database.Kind == DatabaseKind.PostgreSql)
        {
            await using var command = Command(connection, transaction, "SELECT pg_advisory_xact_lock(@key)");
            command.AddParameter("key", LockKey);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Why the post is refused, or null. <paramref name="newAddress"/>: this post added the address;
    /// <paramref name="confirmationQueued"/>: it writes a confirmation mail. Counts include this post's own rows.</summary>
    public async Task<string?> RefusalAsync(DbConnection connection, DbTransaction transaction, bool newAddress, bool confirmationQueued,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (newAddress)
        {
            var awaiting = await CountAsync(connection, transaction,
                "SELECT COUNT(*) FROM notification_addresses WHERE confirmed_at IS NULL AND created_at >= @since", now - ConfirmationMail.Lifetime, cancellationToken);
            if (awaiting > options.MaxUnconfirmedAddresses)
            {
                return $"{options.MaxUnconfirmedAddresses} addresses already await confirmation, the most this server takes; try again later";
            }
        }

        if (confirmationQueued)
        {
            var sent = await CountAsync(connection, transaction,
                "SELECT COUNT(*) FROM notification_addresses WHERE confirmation_sent_at > @since", now - TimeSpan.FromHours(1), cancellationToken);
            if (sent > options.MaxConfirmationsPerHour)
            {
                return $"{options.MaxConfirmationsPerHour} confirmation mails were sent in the last hour, the most this server sends; try again later";
            }
        }

        return null;
    }

    private static async Task<long> CountAsync(DbConnection connection, DbTransaction transaction, string sql, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        command.AddParameter("since", Millis.Of(since));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
