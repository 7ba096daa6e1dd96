using KernelCI.Bench.KcidbIngest.Dataset;

namespace KernelCI.Bench.KcidbIngest.Queries;

/// <summary>The query API requests to time, each about objects picked at random (seeded) from the loaded dataset. A whole
/// checkout with children is a bulk export rather than an interactive query, so it is not timed.</summary>
internal static class QueryPlan
{
    public static IReadOnlyList<QueryEndpoint> For(DatasetGenerator generator)
    {
        var shape = generator.Shape;
        var ids = generator.Ids;
        string Build(int n) => Escape(ids.NodeId(ObjectKind.Build, Pick(generator, 1, n, shape.Builds)));
        string Test(int n) => Escape(ids.NodeId(ObjectKind.Test, Pick(generator, 2, n, shape.Tests)));
        string Checkout(int n) => Escape(ids.NodeId(ObjectKind.Checkout, Pick(generator, 3, n, shape.Checkouts)));
        string Tree(int n) => Escape(CheckoutFactory.TreeOf((int)Pick(generator, 4, n, shape.Checkouts)).Name);
        return
        [
            new("query build +children", n => $"api/query?build={Build(n)}&children=true"),
            new("query test +parents", n => $"api/query?test={Test(n)}&parents=true"),
            new("list checkouts ?tree_name", n => $"api/checkouts?tree_name={Tree(n)}"),
            new("list builds ?checkout_id", n => $"api/builds?checkout_id={Checkout(n)}"),
            new("list tests ?build_id", n => $"api/tests?build_id={Build(n)}"),
            new("checkout summary", n => $"api/checkouts/{Checkout(n)}/summary"),
            new("build summary", n => $"api/builds/{Build(n)}/summary"),
        ];
    }

    private static long Pick(DatasetGenerator generator, int stream, int n, long count)
    {
        var random = ObjectRandom.For(generator.Seed ^ (stream * 7919L), ObjectKind.Checkout, n);
        return (long)(random.NextUInt64() % (ulong)count);
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
