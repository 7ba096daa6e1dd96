using KernelCI.Data;

namespace KernelCI.Notifications;

/// <summary>The component's tables (docs/notifications.md, "Where things are kept"). Times are Unix milliseconds in
/// both databases, so one SQL text reads them on either.</summary>
internal static class NotificationsMigrations
{
    private const string Common = """
        CREATE INDEX notification_outbox_due ON notification_outbox (state, due_at);
        CREATE INDEX notification_outbox_recipient ON notification_outbox (recipient, created_at);
        CREATE INDEX notification_outbox_tree ON notification_outbox (tree, created_at);
        CREATE TABLE notification_cursors (name TEXT PRIMARY KEY, position BIGINT NOT NULL);
        CREATE TABLE notification_addresses (
            address TEXT PRIMARY KEY,
            confirmed_at BIGINT,
            confirmation_sent_at BIGINT,
            created_at BIGINT NOT NULL);
        CREATE TABLE notification_subscriptions (
            id TEXT PRIMARY KEY,
            address TEXT NOT NULL,
            tree TEXT, branch TEXT, path TEXT, platform TEXT, origin TEXT, files TEXT,
            delivery TEXT NOT NULL,
            created_at BIGINT NOT NULL);
        CREATE INDEX notification_subscriptions_address ON notification_subscriptions (address);
        CREATE TABLE notification_regression_recipients (
            regression_id TEXT NOT NULL,
            recipient TEXT NOT NULL,
            message_id TEXT,
            PRIMARY KEY (regression_id, recipient));
        """;

    // One row per mail and recipient. message holds the whole RFC 5322 text as written, Message-ID included, so a
    // resend after a crash is byte for byte the same mail.
    private const string Outbox = """
        message_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        recipient TEXT NOT NULL,
        tree TEXT NOT NULL,
        regression_id TEXT,
        subject TEXT NOT NULL,
        message TEXT NOT NULL,
        items TEXT,
        state TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        due_at BIGINT NOT NULL,
        created_at BIGINT NOT NULL,
        sent_at BIGINT,
        last_error TEXT);
        """;

    // Several senders on one database (docs/notifications.md, "Several senders"): a round claims its rows until
    // claimed_until; a sender that dies leaves them to whoever claims after that time. SQLite and PostgreSQL both
    // take ADD COLUMN without rewriting the table.
    private const string Claims = """
        ALTER TABLE notification_outbox ADD COLUMN claimed_by TEXT;
        ALTER TABLE notification_outbox ADD COLUMN claimed_until BIGINT;
        """;

    public static IReadOnlyList<Migration> All { get; } =
    [
        new("notifications", 1, "outbox, feed cursor, addresses, subscriptions",
            "CREATE TABLE notification_outbox (id INTEGER PRIMARY KEY,\n" + Outbox + "\n" + Common,
            "CREATE TABLE notification_outbox (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n" + Outbox + "\n" + Common),
        ReportsMigration.Migration,
        new("notifications", 3, "outbox claims for several senders", Claims, Claims),
    ];
}
