namespace KernelCI.Bench.KcidbIngest.Dataset;

/// <summary>How many objects a checkout's children query returns, computed from the layout rather than from the files.</summary>
internal sealed record CheckoutFamily(string Id, int Builds, long Tests, int Incidents)
{
    public static CheckoutFamily Of(DatasetGenerator generator, int checkout)
    {
        var layout = generator.Layout;
        var firstBuild = layout.FirstBuildOf(checkout);
        var endBuild = firstBuild + layout.BuildCountOf(checkout);
        var firstTest = layout.FirstTestOf(firstBuild);
        var endTest = endBuild < generator.Shape.Builds ? layout.FirstTestOf(endBuild) : generator.Shape.Tests;
        var incidents = Enumerable.Range(0, generator.Shape.Incidents)
            .Select(generator.IncidentTarget)
            .Count(t => t.IsBuild ? t.Index >= firstBuild && t.Index < endBuild : t.Index >= firstTest && t.Index < endTest);
        return new CheckoutFamily(generator.Ids.NodeId(ObjectKind.Checkout, checkout), endBuild - firstBuild, endTest - firstTest, incidents);
    }
}
