using KernelCI.Data;

namespace KernelCI.Notifications;

/// <summary>Migration `notifications` 2: what the checkout summaries, build issue reports, daily digests and weekly
/// reports keep (docs/notifications.md, "Where things are kept"). Times are Unix milliseconds, flags 0 or 1, so one
/// SQL text serves both databases but for the digest items' id.</summary>
internal static class ReportsMigration
{
    private const string Common = """
        ALTER TABLE notification_subscriptions ADD COLUMN always INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE notification_regressions (
            id TEXT PRIMARY KEY,
            tree TEXT NOT NULL,
            branch TEXT NOT NULL,
            regression TEXT NOT NULL,
            updated_at BIGINT NOT NULL,
            opened_at BIGINT NOT NULL,
            fixed_at BIGINT);
        CREATE INDEX notification_regressions_opened ON notification_regressions (opened_at);
        CREATE INDEX notification_regressions_fixed ON notification_regressions (fixed_at);
        CREATE INDEX notification_regressions_tree ON notification_regressions (tree, branch);
        CREATE TABLE notification_checkouts (
            checkout_id TEXT PRIMARY KEY,
            origin TEXT NOT NULL,
            tree TEXT NOT NULL,
            branch TEXT NOT NULL,
            commit_hash TEXT NOT NULL,
            repository_url TEXT,
            result TEXT,
            done_at BIGINT NOT NULL,
            due_at BIGINT NOT NULL,
            summarized_at BIGINT);
        CREATE INDEX notification_checkouts_due ON notification_checkouts (summarized_at, due_at);
        CREATE TABLE notification_build_issues (
            issue_id TEXT NOT NULL,
            tree TEXT NOT NULL,
            reported_at BIGINT NOT NULL,
            PRIMARY KEY (issue_id, tree));
        CREATE INDEX notification_digest_items_due ON notification_digest_items (recipient, digest_id, due_at);
        """;

    // One row per report a daily address is owed; merged into one digest mail per address and day.
    private const string DigestItems = """
        recipient TEXT NOT NULL,
        message_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        tree TEXT NOT NULL,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        unsubscribe_url TEXT,
        manage_url TEXT,
        due_at BIGINT NOT NULL,
        created_at BIGINT NOT NULL,
        digest_id TEXT);
        """;

    public static Migration Migration { get; } = new("notifications", 2,
        "checkout summaries, build issues, daily digests, the always flag",
        "CREATE TABLE notification_digest_items (id INTEGER PRIMARY KEY,\n" + DigestItems + "\n" + Common,
        "CREATE TABLE notification_digest_items (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n" + DigestItems + "\n" + Common);
}
