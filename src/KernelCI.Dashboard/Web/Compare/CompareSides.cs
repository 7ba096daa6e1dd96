using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Filters;
using KernelCI.Dashboard.Statuses;
using KernelCI.Dashboard.Trees.Compare;
using KernelCI.Dashboard.Web.Shared;
using KernelCI.Dashboard.Web.Trees;

namespace KernelCI.Dashboard.Web.Compare;

/// <summary>Two commits read and paired as `tree/{name}/{branch}/compare` and its `/builds|boots|tests` lists do
/// (CompareApi): the same checkouts, counts, pairs and listing rule, plus each side's item id for the links. Only the
/// open tab's pairs are put in order and made rows; the other two tabs are only counted for the matrix (every listed
/// row of all three tabs, each made twice, was a fifth of the page's allocations: docs/benchmarks.md, "dashboard-pages",
/// session 18).</summary>
internal sealed record CompareSides(string? GitUrl, IReadOnlyList<CompareMatrixRow> Matrix, IReadOnlyList<CompareRow> Rows)
{
    public static async Task<CompareSides> ReadAsync(DashboardDb db, string treeName, string branch, string origin, string hashA, string hashB,
        string tab, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var a = await CompareQuery.CheckoutAsync(connection, db, hashA, treeName, branch, origin, cancellationToken);
        var b = await CompareQuery.CheckoutAsync(connection, db, hashB, treeName, branch, origin, cancellationToken);
        var countsA = await CompareQuery.CountsAsync(connection, a, cancellationToken);
        var countsB = await CompareQuery.CountsAsync(connection, b, cancellationToken);

        var (buildIdsA, buildIdsB) = (new Dictionary<BuildKey, string>(), new Dictionary<BuildKey, string>());
        var buildsA = await CompareQuery.BuildsAsync(connection, db, a, FilterSet.None, cancellationToken, buildIdsA);
        var buildsB = await CompareQuery.BuildsAsync(connection, db, b, FilterSet.None, cancellationToken, buildIdsB);
        var (bootIdsA, bootIdsB) = (new Dictionary<TestKey, string>(), new Dictionary<TestKey, string>());
        var bootsA = await CompareQuery.TestsAsync(connection, db, a, boots: true, FilterSet.None, cancellationToken, bootIdsA);
        var bootsB = await CompareQuery.TestsAsync(connection, db, b, boots: true, FilterSet.None, cancellationToken, bootIdsB);
        var (testIdsA, testIdsB) = (new Dictionary<TestKey, string>(), new Dictionary<TestKey, string>());
        var testsA = await CompareQuery.TestsAsync(connection, db, a, boots: false, FilterSet.None, cancellationToken, testIdsA);
        var testsB = await CompareQuery.TestsAsync(connection, db, b, boots: false, FilterSet.None, cancellationToken, testIdsB);

        IReadOnlyList<CompareRow> rows = tab switch
        {
            "boots" => Listed(ComparePairing.Pair(bootsA, bootsB, TestKey.Order), TestRow, bootIdsA, bootIdsB, CompareUrls.Test),
            "tests" => Listed(ComparePairing.Pair(testsA, testsB, TestKey.Order), TestRow, testIdsA, testIdsB, CompareUrls.Test),
            _ => Listed(ComparePairing.Pair(buildsA, buildsB, BuildKey.Order), BuildRow, buildIdsA, buildIdsB, TreeUrls.Build),
        };
        return new CompareSides(b?.GitUrl ?? a?.GitUrl,
            [
                MatrixRow("Builds", countsA.Builds, countsB.Builds, ComparePairing.Count(buildsA, buildsB)),
                MatrixRow("Boots", countsA.Boots, countsB.Boots, ComparePairing.Count(bootsA, bootsB)),
                MatrixRow("Tests", countsA.Tests, countsB.Tests, ComparePairing.Count(testsA, testsB)),
            ],
            rows);
    }

    private static CompareRow BuildRow(BuildKey key, string? a, string? b, string? urlA, string? urlB) =>
        new(key.ConfigName, key.ConfigName, key.Architecture, key.Compiler, a, b, CompareChange.Of(a, b), urlA, urlB);

    private static CompareRow TestRow(TestKey key, string? a, string? b, string? urlA, string? urlB) =>
        new(key.Path, key.ConfigName, key.Architecture, key.Platform, a, b, CompareChange.Of(a, b), urlA, urlB);

    // The API's listing rule (ComparePairing.IsListed): statuses differ, or failing on both sides.
    private static List<CompareRow> Listed<TKey>(IReadOnlyList<(TKey Key, string? A, string? B)> pairs,
        Func<TKey, string?, string?, string?, string?, CompareRow> row, Dictionary<TKey, string> idsA, Dictionary<TKey, string> idsB,
        Func<string, string> url) where TKey : notnull =>
        pairs.Where(p => ComparePairing.IsListed(p.A, p.B))
            .Select(p => row(p.Key, p.A, p.B, idsA.TryGetValue(p.Key, out var idA) ? url(idA) : null,
                idsB.TryGetValue(p.Key, out var idB) ? url(idB) : null))
            .ToList();

    private static CompareMatrixRow MatrixRow(string kind, StatusCounts a, StatusCounts b, CompareChangeCounts changes)
    {
        var grouped = (CompareStatusCounts.From(a), CompareStatusCounts.From(b));
        return new CompareMatrixRow(kind, new StatusTally(grouped.Item1.Pass, grouped.Item1.Fail, grouped.Item1.Inconclusive),
            new StatusTally(grouped.Item2.Pass, grouped.Item2.Fail, grouped.Item2.Inconclusive),
            new Dictionary<string, long>
            {
                ["regression"] = changes.Regression, ["fixed"] = changes.Fixed, ["newFailure"] = changes.NewFailure,
                ["stillFailing"] = changes.StillFailing, ["newPass"] = changes.NewPass, ["appeared"] = changes.Appeared,
                ["disappeared"] = changes.Disappeared,
            });
    }
}
