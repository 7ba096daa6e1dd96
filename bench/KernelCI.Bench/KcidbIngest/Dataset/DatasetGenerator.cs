using KernelCI.Bench.KcidbIngest.Dataset.Model;

namespace KernelCI.Bench.KcidbIngest.Dataset;

/// <summary>The whole dataset as lazy streams; every object is a pure function of (seed, index).</summary>
internal sealed class DatasetGenerator
{
    private readonly CheckoutFactory _checkouts;
    private readonly BuildFactory _builds;
    private readonly TestFactory _tests;
    private readonly IssueFactory _issues;
    private readonly IncidentFactory _incidents;

    /// <param name="plant">The regressions scenario's option (<see cref="PlantedSeries"/>): this many regressions and as
    /// many flaky series planted; null (every other scenario) leaves the dataset as it always was.</param>
    public DatasetGenerator(DatasetShape shape, long seed, int? plant = null)
    {
        Shape = shape;
        Seed = seed;
        Ids = new IdFactory(seed);
        Layout = new DatasetLayout(shape, seed);
        _checkouts = new CheckoutFactory(shape, seed, Ids);
        Planted = plant is { } count ? PlantedSeries.Create(shape, Layout, _checkouts, seed, count, count) : null;
        _builds = new BuildFactory(Layout, seed, Ids, _checkouts, Planted is not null);
        _tests = new TestFactory(seed, Ids, Planted);
        _issues = new IssueFactory(seed, Ids);
        _incidents = new IncidentFactory(shape, seed, Ids);
    }

    public DatasetShape Shape { get; }

    public long Seed { get; }

    public IdFactory Ids { get; }

    public DatasetLayout Layout { get; }

    /// <summary>The planted series and their ground truth, when the generator was asked to plant them.</summary>
    public PlantedSeries? Planted { get; }

    public KcidbCheckout Checkout(int index) => _checkouts.Create(index);

    public BuildTraits BuildTraits(int index) => _builds.Traits(index);

    public KcidbTest Test(int build, int ordinal) => _tests.Create(_builds.Traits(build), ordinal, Layout.FirstTestOf(build) + ordinal);

    public IncidentTarget IncidentTarget(int index) => _incidents.TargetOf(index);

    public IEnumerable<KcidbCheckout> Checkouts() => Range(Shape.Checkouts).Select(_checkouts.Create);

    public IEnumerable<KcidbIssue> Issues() => Range(Shape.Issues).Select(_issues.Create);

    public IEnumerable<KcidbBuild> Builds() => Range(Shape.Builds).Select(_builds.Create);

    public IEnumerable<KcidbIncident> Incidents() => Range(Shape.Incidents).Select(_incidents.Create);

    public IEnumerable<KcidbTest> Tests()
    {
        for (var build = 0; build < Shape.Builds; build++)
        {
            var traits = _builds.Traits(build);
            var first = Layout.FirstTestOf(build);
            var count = Layout.TestCountOf(build);
            for (var ordinal = 0; ordinal < count; ordinal++)
            {
                yield return _tests.Create(traits, ordinal, first + ordinal);
            }
        }
    }

    private static IEnumerable<int> Range(int count) => Enumerable.Range(0, count);
}
