using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Filters;
using KernelCI.Dashboard.Statuses;
using KernelCI.Dashboard.Trees.Compare;
using KernelCI.Dashboard.Web.Shared;
using KernelCI.Dashboard.Web.Trees;

namespace KernelCI.Dashboard.Web.Compare;

/// <summary>Two commits read and paired as `tree/{name}/{branch}/compare` and its `/builds|boots|tests` lists do
/// (CompareApi): the same checkouts, counts, pairs and listing rule, plus each side's item id for the links.</summary>
internal sealed record CompareSides(string? GitUrl, IReadOnlyList<CompareMatrixRow> Matrix, IReadOnlyList<CompareRow> Builds, IReadOnlyList<CompareRow> Boots,
    IReadOnlyList<CompareRow> Tests)
{
    public IReadOnlyList<CompareRow> Rows(string tab) => tab switch
    {
        "boots" => Boots,
        "tests" => Tests,
        _ => Builds,
    };

    public static async Task<CompareSides> ReadAsync(DashboardDb db, string treeName, string branch, string origin, string hashA, string hashB,
        CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var a = await CompareQuery.CheckoutAsync(connection, db, hashA, treeName, branch, origin, cancellationToken);
        var b = await CompareQuery.CheckoutAsync(connection, db, hashB, treeName, branch, origin, cancellationToken);
        var countsA = await CompareQuery.CountsAsync(connection, a, cancellationToken);
        var countsB = await CompareQuery.CountsAsync(connection, b, cancellationToken);

        var (buildIdsA, buildIdsB) = (new Dictionary<BuildKey, string>(), new Dictionary<BuildKey, string>());
        var builds = ComparePairing.Pair(
            await CompareQuery.BuildsAsync(connection, db, a, FilterSet.None, cancellationToken, buildIdsA),
            await CompareQuery.BuildsAsync(connection, db, b, FilterSet.None, cancellationToken, buildIdsB), BuildKey.Order);
        var (bootIdsA, bootIdsB) = (new Dictionary<TestKey, string>(), new Dictionary<TestKey, string>());
        var boots = ComparePairing.Pair(
            await CompareQuery.TestsAsync(connection, db, a, boots: true, FilterSet.None, cancellationToken, bootIdsA),
            await CompareQuery.TestsAsync(connection, db, b, boots: true, FilterSet.None, cancellationToken, bootIdsB), TestKey.Order);
        var (testIdsA, testIdsB) = (new Dictionary<TestKey, string>(), new Dictionary<TestKey, string>());
        var tests = ComparePairing.Pair(
            await CompareQuery.TestsAsync(connection, db, a, boots: false, FilterSet.None, cancellationToken, testIdsA),
            await CompareQuery.TestsAsync(connection, db, b, boots: false, FilterSet.None, cancellationToken, testIdsB), TestKey.Order);

        return new CompareSides(b?.GitUrl ?? a?.GitUrl,
            [
                MatrixRow("Builds", countsA.Builds, countsB.Builds, ComparePairing.Count(builds)),
                MatrixRow("Boots", countsA.Boots, countsB.Boots, ComparePairing.Count(boots)),
                MatrixRow("Tests", countsA.Tests, countsB.Tests, ComparePairing.Count(tests)),
            ],
            Listed(builds, k => new CompareRow(k.ConfigName, k.ConfigName, k.Architecture, k.Compiler, null, null, "", null, null),
                buildIdsA, buildIdsB, TreeUrls.Build),
            Listed(boots, TestRow, bootIdsA, bootIdsB, CompareUrls.Test),
            Listed(tests, TestRow, testIdsA, testIdsB, CompareUrls.Test));
    }

    private static CompareRow TestRow(TestKey key) =>
        new(key.Path, key.ConfigName, key.Architecture, key.Platform, null, null, "", null, null);

    // The API's listing rule (ComparePairing.IsListed): statuses differ, or failing on both sides.
    private static List<CompareRow> Listed<TKey>(IReadOnlyList<(TKey Key, string? A, string? B)> pairs, Func<TKey, CompareRow> row,
        Dictionary<TKey, string> idsA, Dictionary<TKey, string> idsB, Func<string, string> url) where TKey : notnull =>
        pairs.Where(p => ComparePairing.IsListed(p.A, p.B))
            .Select(p => row(p.Key) with
            {
                StatusA = p.A,
                StatusB = p.B,
                Change = CompareChange.Of(p.A, p.B),
                UrlA = idsA.TryGetValue(p.Key, out var idA) ? url(idA) : null,
                UrlB = idsB.TryGetValue(p.Key, out var idB) ? url(idB) : null,
            })
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
