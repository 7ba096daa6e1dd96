using KernelCI.Data;

namespace KernelCI.Maestro;

/// <summary>The Maestro schema: nodes (indexed columns plus the whole node as JSON), users, groups, the event log and subscriptions.</summary>
public static class MaestroMigrations
{
    // Indexes cover the queries the pipeline and kci-dev make (docs/maestro.md "Storage"; upstream declares no node
    // indexes, kernelci/kernelci-core:kernelci/api/models.py): kind/state/created, parent, treeid, the kernel revision,
    // the KCIDB bridge sweep, the timeout and holdoff sweeps, name and data.platform/arch.
    private const string SqliteNodes = """
        CREATE TABLE maestro_nodes (
            id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, "group" TEXT, parent TEXT, state TEXT NOT NULL,
            result TEXT, owner TEXT, submitter TEXT, treeid TEXT, created TEXT NOT NULL, updated TEXT NOT NULL,
            timeout TEXT, holdoff TEXT, processed_by_kcidb_bridge INTEGER NOT NULL, retry_counter INTEGER NOT NULL,
            doc TEXT NOT NULL);
        CREATE INDEX maestro_nodes_kind_state_created ON maestro_nodes (kind, state, created);
        CREATE INDEX maestro_nodes_parent ON maestro_nodes (parent);
        CREATE INDEX maestro_nodes_treeid ON maestro_nodes (treeid);
        CREATE INDEX maestro_nodes_name ON maestro_nodes (name);
        CREATE INDEX maestro_nodes_created ON maestro_nodes (created);
        CREATE INDEX maestro_nodes_kcidb ON maestro_nodes (state, processed_by_kcidb_bridge, created);
        CREATE INDEX maestro_nodes_timeout ON maestro_nodes (state, timeout);
        CREATE INDEX maestro_nodes_holdoff ON maestro_nodes (state, holdoff);
        CREATE INDEX maestro_nodes_commit ON maestro_nodes (json_extract(doc, '$.data.kernel_revision.commit'));
        CREATE INDEX maestro_nodes_tree_branch ON maestro_nodes (json_extract(doc, '$.data.kernel_revision.tree'), json_extract(doc, '$.data.kernel_revision.branch'));
        CREATE INDEX maestro_nodes_url ON maestro_nodes (json_extract(doc, '$.data.kernel_revision.url'));
        CREATE INDEX maestro_nodes_platform ON maestro_nodes (json_extract(doc, '$.data.platform'));
        CREATE INDEX maestro_nodes_arch ON maestro_nodes (json_extract(doc, '$.data.arch'));
        """;

    private const string PostgreSqlNodes = """
        CREATE TABLE maestro_nodes (
            id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, "group" TEXT, parent TEXT, state TEXT NOT NULL,
            result TEXT, owner TEXT, submitter TEXT, treeid TEXT, created TEXT NOT NULL, updated TEXT NOT NULL,
            timeout TEXT, holdoff TEXT, processed_by_kcidb_bridge BOOLEAN NOT NULL, retry_counter INTEGER NOT NULL,
            doc JSONB NOT NULL);
        CREATE INDEX maestro_nodes_kind_state_created ON maestro_nodes (kind, state, created);
        CREATE INDEX maestro_nodes_parent ON maestro_nodes (parent);
        CREATE INDEX maestro_nodes_treeid ON maestro_nodes (treeid);
        CREATE INDEX maestro_nodes_name ON maestro_nodes (name text_pattern_ops);
        CREATE INDEX maestro_nodes_created ON maestro_nodes (created);
        CREATE INDEX maestro_nodes_kcidb ON maestro_nodes (state, processed_by_kcidb_bridge, created);
        CREATE INDEX maestro_nodes_timeout ON maestro_nodes (state, timeout);
        CREATE INDEX maestro_nodes_holdoff ON maestro_nodes (state, holdoff);
        CREATE INDEX maestro_nodes_commit ON maestro_nodes ((doc #>> '{data,kernel_revision,commit}'));
        CREATE INDEX maestro_nodes_tree_branch ON maestro_nodes ((doc #>> '{data,kernel_revision,tree}'), (doc #>> '{data,kernel_revision,branch}'));
        CREATE INDEX maestro_nodes_url ON maestro_nodes ((doc #>> '{data,kernel_revision,url}'));
        CREATE INDEX maestro_nodes_platform ON maestro_nodes ((doc #>> '{data,platform}'));
        CREATE INDEX maestro_nodes_arch ON maestro_nodes ((doc #>> '{data,arch}'));
        """;

    private const string SqliteAccounts = """
        CREATE TABLE maestro_users (
            id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, email TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL,
            is_active INTEGER NOT NULL, is_superuser INTEGER NOT NULL, is_verified INTEGER NOT NULL,
            groups TEXT NOT NULL, token_version INTEGER NOT NULL);
        CREATE TABLE maestro_groups (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE);
        """;

    private const string PostgreSqlAccounts = """
        CREATE TABLE maestro_users (
            id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, email TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL,
            is_active BOOLEAN NOT NULL, is_superuser BOOLEAN NOT NULL, is_verified BOOLEAN NOT NULL,
            groups TEXT NOT NULL, token_version INTEGER NOT NULL);
        CREATE TABLE maestro_groups (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE);
        """;

    private const string SqliteEvents = """
        CREATE TABLE maestro_events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, pos INTEGER, channel TEXT NOT NULL, owner TEXT, timestamp TEXT NOT NULL,
            data TEXT NOT NULL, cloud_event TEXT NOT NULL);
        CREATE UNIQUE INDEX maestro_events_pos ON maestro_events (pos);
        CREATE INDEX maestro_events_channel ON maestro_events (channel, pos);
        CREATE INDEX maestro_events_timestamp ON maestro_events (timestamp);
        CREATE TABLE maestro_subscriptions (
            id INTEGER PRIMARY KEY AUTOINCREMENT, subscriber_id TEXT UNIQUE, channel TEXT NOT NULL, username TEXT NOT NULL,
            promiscuous INTEGER NOT NULL, acked INTEGER NOT NULL, delivered INTEGER NOT NULL, created TEXT NOT NULL,
            last_poll TEXT);
        """;

    private const string PostgreSqlEvents = """
        CREATE TABLE maestro_events (
            seq BIGSERIAL PRIMARY KEY, pos BIGINT, channel TEXT NOT NULL, owner TEXT, timestamp TEXT NOT NULL,
            data JSONB NOT NULL, cloud_event TEXT NOT NULL);
        CREATE UNIQUE INDEX maestro_events_pos ON maestro_events (pos);
        CREATE INDEX maestro_events_unpositioned ON maestro_events (seq) WHERE pos IS NULL;
        CREATE INDEX maestro_events_channel ON maestro_events (channel, pos);
        CREATE INDEX maestro_events_timestamp ON maestro_events (timestamp);
        CREATE TABLE maestro_subscriptions (
            id BIGSERIAL PRIMARY KEY, subscriber_id TEXT UNIQUE, channel TEXT NOT NULL, username TEXT NOT NULL,
            promiscuous BOOLEAN NOT NULL, acked BIGINT NOT NULL, delivered BIGINT NOT NULL, created TEXT NOT NULL,
            last_poll TEXT);
        """;

    // `/nodes?kind=…` pages in creation order (kci-dev, the dashboard): without this index every node of the kind is
    // sorted to return the first page, ~100 ms at 5 M nodes. Kind and state are correlated (every checkout still
    // running, say); planned as independent, `kind=checkout&state=done` would walk that index through every checkout
    // to find none (136 ms at 5 M). The joint statistics (filled by the next ANALYZE or autovacuum) let PostgreSQL see
    // the combination is rare and seek (kind, state, created) instead.
    private const string PostgreSqlKindCreated = """
        CREATE INDEX maestro_nodes_kind_created ON maestro_nodes (kind, created, id);
        CREATE STATISTICS maestro_nodes_kind_state (mcv) ON kind, state FROM maestro_nodes;
        """;

    // The same index on SQLite, plus fixed planner statistics. Without statistics SQLite assumes one equality on kind
    // finds as few rows as kind and state together, so it would walk the new index in order for `kind=test&state=
    // running` (a handful of running tests among millions of done ones) instead of seeking (kind, state, created).
    // ANALYZE does not help: sqlite_stat1 holds averages, and a state value averages half of its kind however rare
    // `running` or `available` really are. So these figures describe the shape every pipeline gives this table
    // (a few kinds, a few states, nearly unique times, a commit's few hundred nodes) rather than one moment's counts,
    // and they do not go stale as the table grows. docs/maestro.md "Query plans" has the measurements.
    private const string SqliteKindCreated = """
        CREATE INDEX maestro_nodes_kind_created ON maestro_nodes (kind, created, id);
        ANALYZE sqlite_schema;
        DELETE FROM sqlite_stat1 WHERE tbl = 'maestro_nodes';
        INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
            ('maestro_nodes', 'maestro_nodes_kind_state_created', '1000000 200000 50000 1'),
            ('maestro_nodes', 'maestro_nodes_kind_created', '1000000 200000 1 1'),
            ('maestro_nodes', 'maestro_nodes_parent', '1000000 20'),
            ('maestro_nodes', 'maestro_nodes_treeid', '1000000 200'),
            ('maestro_nodes', 'maestro_nodes_name', '1000000 1000'),
            ('maestro_nodes', 'maestro_nodes_created', '1000000 1'),
            ('maestro_nodes', 'maestro_nodes_kcidb', '1000000 250000 125000 1'),
            ('maestro_nodes', 'maestro_nodes_timeout', '1000000 250000 1'),
            ('maestro_nodes', 'maestro_nodes_holdoff', '1000000 250000 1000'),
            ('maestro_nodes', 'maestro_nodes_commit', '1000000 500'),
            ('maestro_nodes', 'maestro_nodes_tree_branch', '1000000 50000 20000'),
            ('maestro_nodes', 'maestro_nodes_url', '1000000 50000'),
            ('maestro_nodes', 'maestro_nodes_platform', '1000000 20000'),
            ('maestro_nodes', 'maestro_nodes_arch', '1000000 200000');
        ANALYZE sqlite_schema;
        """;

    // Nodes name their owner and subscriptions their user by username, and upstream lets a freed name be taken again,
    // so whoever took a deleted or renamed-from name inherited its nodes and queued events. Every name ever held is
    // kept here, with the account that held it, and is never given to another: an owner string always means one
    // account. Names that only nodes or subscriptions still carry (their user deleted before this migration) are
    // reserved for nobody. Subscriptions are now keyed by the user's id, and a subscriber_id is unique per user, so
    // nobody can take another user's durable subscription or squat its id; username follows the user's current name.
    private const string Usernames = """
        CREATE TABLE maestro_usernames (name TEXT PRIMARY KEY, user_id TEXT);
        CREATE INDEX maestro_usernames_user ON maestro_usernames (user_id);
        INSERT INTO maestro_usernames (name, user_id) SELECT username, id FROM maestro_users;
        INSERT INTO maestro_usernames (name, user_id) SELECT DISTINCT owner, NULL FROM maestro_nodes
            WHERE owner IS NOT NULL AND owner NOT IN (SELECT name FROM maestro_usernames);
        INSERT INTO maestro_usernames (name, user_id) SELECT DISTINCT username, NULL FROM maestro_subscriptions
            WHERE username NOT IN (SELECT name FROM maestro_usernames);

        """;

    // SQLite cannot drop the column's UNIQUE, so the table is rebuilt, keeping its ids and its AUTOINCREMENT counter
    // (an id is never handed out twice).
    private const string SqliteSubscriptionsByUser = Usernames + """
        CREATE TABLE maestro_subscriptions_new (
            id INTEGER PRIMARY KEY AUTOINCREMENT, subscriber_id TEXT, channel TEXT NOT NULL, username TEXT NOT NULL,
            promiscuous INTEGER NOT NULL, acked INTEGER NOT NULL, delivered INTEGER NOT NULL, created TEXT NOT NULL,
            last_poll TEXT, user_id TEXT);
        INSERT INTO maestro_subscriptions_new
            SELECT s.id, s.subscriber_id, s.channel, s.username, s.promiscuous, s.acked, s.delivered, s.created, s.last_poll,
                (SELECT u.id FROM maestro_users u WHERE u.username = s.username)
            FROM maestro_subscriptions s;
        DELETE FROM sqlite_sequence WHERE name = 'maestro_subscriptions_new';
        INSERT INTO sqlite_sequence (name, seq) SELECT 'maestro_subscriptions_new', seq FROM sqlite_sequence WHERE name = 'maestro_subscriptions';
        DROP TABLE maestro_subscriptions;
        ALTER TABLE maestro_subscriptions_new RENAME TO maestro_subscriptions;
        CREATE UNIQUE INDEX maestro_subscriptions_subscriber ON maestro_subscriptions (user_id, subscriber_id);
        """;

    private const string PostgreSqlSubscriptionsByUser = Usernames + """
        ALTER TABLE maestro_subscriptions ADD COLUMN user_id TEXT;
        UPDATE maestro_subscriptions SET user_id = (SELECT u.id FROM maestro_users u WHERE u.username = maestro_subscriptions.username);
        ALTER TABLE maestro_subscriptions DROP CONSTRAINT maestro_subscriptions_subscriber_id_key;
        CREATE UNIQUE INDEX maestro_subscriptions_subscriber ON maestro_subscriptions (user_id, subscriber_id);
        """;

    public static IReadOnlyList<Migration> All { get; } =
    [
        new("maestro", 1, "nodes", SqliteNodes, PostgreSqlNodes),
        new("maestro", 2, "users and groups", SqliteAccounts, PostgreSqlAccounts),
        new("maestro", 3, "events and subscriptions", SqliteEvents, PostgreSqlEvents),
        new("maestro", 4, "nodes by kind in creation order", SqliteKindCreated, PostgreSqlKindCreated),
        new("maestro", 5, "usernames are never reused; subscriptions keyed by user id", SqliteSubscriptionsByUser, PostgreSqlSubscriptionsByUser),
    ];
}
