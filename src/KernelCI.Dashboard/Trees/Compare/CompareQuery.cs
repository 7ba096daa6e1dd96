using System.Data.Common;
using System.Runtime.InteropServices;
using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Filters;
using KernelCI.Dashboard.Statuses;
using KernelCI.Data;
using KernelCI.Kcidb.Aggregates;

namespace KernelCI.Dashboard.Trees.Compare;

/// <summary>The reads behind compare (kernelci/dashboard:backend/kernelCI_app/queries/tree.py, get_tree_compare_*):
/// one checkout per commit (the tree's, branch's and origin's most recently written one), its counts from
/// dash_checkout_status, and its builds or tests, the newest of each identity (<see cref="NewestFirst"/>), through
/// builds(checkout_id) and the tests' build index. Builds with dummy ids are left out, as upstream does.</summary>
internal static class CompareQuery
{
    private static readonly string NotDummy = AggregateRecompute.NotDummy("b.id");

    public static async Task<CompareCheckout?> CheckoutAsync(DbConnection connection, DashboardDb db, string hash, string treeName,
        string branch, string origin, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT id, git_repository_url FROM checkouts
            WHERE git_commit_hash = @hash AND tree_name = @tree AND git_repository_branch = @branch AND origin = @origin
            ORDER BY {db.Kcidb.NewestFirst("_timestamp")}, id DESC
            LIMIT 1
            """;
        command.AddParameter("hash", hash);
        command.AddParameter("tree", treeName);
        command.AddParameter("branch", branch);
        command.AddParameter("origin", origin);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new CompareCheckout(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1))
            : null;
    }

    /// <summary>Builds, boots and tests per raw status (zeros for a commit the tree does not have).</summary>
    public static async Task<(StatusCounts Builds, StatusCounts Boots, StatusCounts Tests)> CountsAsync(DbConnection connection,
        CompareCheckout? checkout, CancellationToken cancellationToken)
    {
        var counts = (Builds: new StatusCounts(), Boots: new StatusCounts(), Tests: new StatusCounts());
        if (checkout is null)
        {
            return counts;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, status, n FROM dash_checkout_status WHERE checkout_id = @checkout";
        command.AddParameter("checkout", checkout.Id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var target = reader.GetString(0) switch
            {
                "build" => counts.Builds,
                "boot" => counts.Boots,
                _ => counts.Tests,
            };
            target.Add(reader.GetString(1), reader.GetInt64(2));
        }

        return counts;
    }

    /// <summary>The grouped status of the newest build of each configuration that passes the filters' identity
    /// dimensions (origin, config, architecture, compiler); <paramref name="ids"/>, when given, gets that build's id (the
    /// web compare page links to it).</summary>
    public static async Task<Dictionary<BuildKey, string>> BuildsAsync(DbConnection connection, DashboardDb db, CompareCheckout? checkout,
        FilterSet filters, CancellationToken cancellationToken, Dictionary<BuildKey, string>? ids = null)
    {
        var side = new Dictionary<BuildKey, string>();
        if (checkout is null)
        {
            return side;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT b.config_name, b.architecture, b.compiler, {db.Sql.Status("b.status")}, b.origin, b.id, b.start_time, b._timestamp
            FROM builds b
            WHERE b.checkout_id = @checkout AND {NotDummy}
            """;
        command.AddParameter("checkout", checkout.Id);
        var newest = new Dictionary<BuildKey, NewestItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new BuildKey(Known(reader, 0), Known(reader, 1), Known(reader, 2));
            if (!In(filters.BuildOrigins, reader, 4)
                || !In(filters.ConfigNames, key.ConfigName) || !In(filters.Architectures, key.Architecture) || !In(filters.Compilers, key.Compiler))
            {
                continue;
            }

            var order = new NewestFirst(db.Sql.ReadTime(reader, 6), db.Sql.ReadTime(reader, 7), reader.GetString(5));
            ref var kept = ref CollectionsMarshal.GetValueRefOrAddDefault(newest, key, out var seen);
            if (!seen)
            {
                kept = new NewestItem(order, reader.IsDBNull(3) ? null : reader.GetString(3));
            }
            else if (order.ComesBefore(kept!.Order))
            {
                (kept.Order, kept.Status) = (order, reader.IsDBNull(3) ? null : reader.GetString(3));
            }
        }

        foreach (var (key, kept) in newest)
        {
            side[key] = ComparePairing.Group(kept.Status);
            ids?.Add(key, kept.Order.Id);
        }

        return side;
    }

    /// <summary>The grouped status of the newest boot (<paramref name="boots"/>) or non-boot test of each identity that
    /// passes the filters' identity dimensions (path, origin, platform, config, architecture, compiler, lab, hardware);
    /// <paramref name="ids"/>, when given, gets that test's id (the web compare page links to it).</summary>
    public static async Task<Dictionary<TestKey, string>> TestsAsync(DbConnection connection, DashboardDb db, CompareCheckout? checkout,
        bool boots, FilterSet filters, CancellationToken cancellationToken, Dictionary<TestKey, string>? ids = null)
    {
        var side = new Dictionary<TestKey, string>();
        if (checkout is null)
        {
            return side;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT t.path, b.config_name, b.architecture, {db.Sql.JsonText("t.environment_misc", "platform")}, {db.Sql.Status("t.status")},
                   b.compiler, t.origin, {db.Sql.JsonText("t.misc", "runtime")}, t.environment_compatible, t.id, t.start_time, t._timestamp
            FROM builds b
            JOIN tests t ON t.build_id = b.id
            WHERE b.checkout_id = @checkout AND {NotDummy}
              AND {(boots ? "(t.path = 'boot' OR t.path LIKE 'boot.%')" : "(t.path IS NULL OR (t.path <> 'boot' AND t.path NOT LIKE 'boot.%'))")}
            """;
        command.AddParameter("checkout", checkout.Id);
        var path = boots ? filters.BootPath : filters.TestPath;
        var origins = boots ? filters.BootOrigins : filters.TestOrigins;
        var platforms = boots ? filters.BootPlatforms : filters.TestPlatforms;
        var newest = new Dictionary<TestKey, NewestItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new TestKey(Known(reader, 0), Known(reader, 1), Known(reader, 2), Known(reader, 3));
            // A column only a filter reads is read only when that filter is set: the compare page has none, and each
            // string read is a decode and an allocation per test row (docs/benchmarks.md, "dashboard-pages", session 14).
            if ((path.Length > 0 && !(reader.IsDBNull(0) ? "" : reader.GetString(0)).Contains(path, StringComparison.Ordinal))
                || !In(origins, reader, 6) || !In(platforms, key.Platform)
                || !In(filters.ConfigNames, key.ConfigName) || !In(filters.Architectures, key.Architecture) || !In(filters.Compilers, reader, 5)
                || !In(filters.Labs, reader, 7)
                || (filters.Hardware.Count > 0 && !filters.Hardware.Contains(reader.IsDBNull(3) ? "" : reader.GetString(3))
                    && !(db.Sql.ReadStrings(reader, 8) ?? []).Any(filters.Hardware.Contains)))
            {
                continue;
            }

            var order = new NewestFirst(db.Sql.ReadTime(reader, 10), db.Sql.ReadTime(reader, 11), reader.GetString(9));
            ref var kept = ref CollectionsMarshal.GetValueRefOrAddDefault(newest, key, out var seen);
            if (!seen)
            {
                kept = new NewestItem(order, reader.IsDBNull(4) ? null : reader.GetString(4));
            }
            else if (order.ComesBefore(kept!.Order))
            {
                (kept.Order, kept.Status) = (order, reader.IsDBNull(4) ? null : reader.GetString(4));
            }
        }

        foreach (var (key, kept) in newest)
        {
            side[key] = ComparePairing.Group(kept.Status);
            ids?.Add(key, kept.Order.Id);
        }

        return side;
    }

    private static bool In(HashSet<string> set, string value) => set.Count == 0 || set.Contains(value);

    private static bool In(HashSet<string> set, DbDataReader reader, int ordinal) => set.Count == 0 || set.Contains(Known(reader, ordinal));

    // Upstream's COALESCE(NULLIF(x, ''), 'Unknown'); the value is read once.
    private static string Known(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return FilterSet.Unknown;
        }

        var value = reader.GetString(ordinal);
        return value.Length == 0 ? FilterSet.Unknown : value;
    }
}
