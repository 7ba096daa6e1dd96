using KernelCI.Kcidb.Regressions;

namespace KernelCI.Bench.KcidbIngest.Dataset;

/// <summary>
/// The dataset option of `./bench.sh regressions` (docs/regressions.md, "Benchmark"): known regressions and flaky
/// series planted in the kcidb-ingest dataset. The default dataset draws every build's configuration and every
/// status at random, so no series is long enough to say anything; with this option each checkout's builds are the
/// same slots (build <c>k</c> of every checkout has the same architecture, compiler, configuration and suite, its
/// tests the same platform), so a series (branch, slot, test) has a result on most of its branch's commits. Statuses
/// are then drawn as before and mapped: FAIL becomes PASS everywhere (the series are stable), ERROR, MISS, SKIP, DONE
/// and no status stay (infrastructure noise that must open nothing), and the planted series are set from the plan:
/// a regression passes up to a known commit and fails from it on, a flaky series flips between neighbouring results
/// with probability <see cref="FlakyFlipRate"/>. Only this option changes anything: without it the generator is the
/// one every other scenario uses, byte for byte.
/// </summary>
internal sealed class PlantedSeries
{
    /// <summary>Tests 1 to this of a build (never the boot test, which all of a build's suites share) may be planted.</summary>
    public const int MaxOrdinal = 8;

    /// <summary>The probability that a flaky series' result differs from its previous one.</summary>
    public const double FlakyFlipRate = 0.6;

    private readonly int[] _branchOfCheckout;
    private readonly Dictionary<(int Branch, int Slot, int Ordinal), Plant> _plants;

    private PlantedSeries(int[] branchOfCheckout, Dictionary<(int, int, int), Plant> plants, IReadOnlyList<PlantedTruth> truth)
    {
        _branchOfCheckout = branchOfCheckout;
        _plants = plants;
        Truth = truth;
    }

    /// <summary>Every distinct (architecture, compiler, configuration) of the vocabulary: 40. Slot k builds the
    /// (k mod 40)-th with suite k mod 6, so two slots of one checkout never share a non-boot series.</summary>
    public static IReadOnlyList<(string Architecture, string Compiler, string Config)> Combos { get; } =
        [.. from architecture in Vocabulary.Architectures
            from compiler in Vocabulary.Compilers
            from config in Enumerable.Range(0, 3).Select(v => Vocabulary.ConfigFor(architecture, v)).Distinct()
            select (architecture, compiler, config)];

    /// <summary>The ground truth: every planted series with its expected first bad commit (regressions only).</summary>
    public IReadOnlyList<PlantedTruth> Truth { get; }

    public static (string Architecture, string Compiler, string Config, TestSuite Suite) SlotTraits(int slot)
    {
        var (architecture, compiler, config) = Combos[slot % Combos.Count];
        return (architecture, compiler, config, Vocabulary.Suites[slot % Vocabulary.Suites.Count]);
    }

    public static Platform PlatformOf(IReadOnlyList<Platform> platformsOfArchitecture, int slot) =>
        platformsOfArchitecture[slot / Combos.Count % platformsOfArchitecture.Count];

    /// <summary>Builds are stable: a drawn FAIL is a PASS, ERROR and MISS stay as infrastructure noise.</summary>
    public static string BuildStatus(string drawn) => drawn == "FAIL" ? "PASS" : drawn;

    public string? TestStatus(BuildTraits build, int ordinal, string? drawn)
    {
        if (_plants.TryGetValue((_branchOfCheckout[build.Checkout], build.Slot, ordinal), out var plant))
        {
            var appearance = Array.BinarySearch(plant.Builds, build.Index);
            return plant.Fails(appearance) ? "FAIL" : "PASS";
        }

        return drawn == "FAIL" ? "PASS" : drawn;
    }

    /// <summary>Plans <paramref name="regressions"/> regressions and <paramref name="flaky"/> flaky series among the
    /// series long enough in their branch's window (the newest <see cref="RegressionRecompute.WindowCheckouts"/> tip
    /// checkouts, all the tracker reads), chosen by a hash of the seed. A planted regression's first bad commit is a tip
    /// checkout's; results in other checkouts follow the plan too, and the tracker ignores them.</summary>
    public static PlantedSeries Create(DatasetShape shape, DatasetLayout layout, CheckoutFactory checkouts, long seed, int regressions, int flaky)
    {
        var created = Enumerable.Range(0, shape.Checkouts).Select(checkouts.Create).ToList();
        var branchIds = new Dictionary<(string, string), int>();
        var branchOfCheckout = new int[shape.Checkouts];
        var checkoutsOfBranch = new List<List<int>>();
        for (var c = 0; c < shape.Checkouts; c++)
        {
            var key = (created[c].TreeName, created[c].GitRepositoryBranch);
            if (!branchIds.TryGetValue(key, out var id))
            {
                branchIds[key] = id = branchIds.Count;
                checkoutsOfBranch.Add([]);
            }

            branchOfCheckout[c] = id;
            // The tracker leaves out checkouts that are not the branch's tip (docs/regressions.md, "Series"), about one
            // in ten here: its window is the branch's newest tip checkouts, and a first bad commit must be one of them.
            if (created[c].GitRepositoryBranchTip)
            {
                checkoutsOfBranch[id].Add(c); // in index order, which is start-time order (DatasetClock)
            }
        }

        // A checkout is in its branch's window when it is one of the branch's newest WindowCheckouts.
        var inWindow = new bool[shape.Checkouts];
        foreach (var list in checkoutsOfBranch)
        {
            foreach (var c in list.Skip(Math.Max(0, list.Count - RegressionRecompute.WindowCheckouts)))
            {
                inWindow[c] = true;
            }
        }

        var appearances = new Dictionary<(int Branch, int Slot, int Ordinal), List<int>>();
        for (var build = 0; build < shape.Builds; build++)
        {
            var checkout = layout.CheckoutOfBuild(build);
            var slot = build - layout.FirstBuildOf(checkout);
            var last = Math.Min(MaxOrdinal, layout.TestCountOf(build) - 1);
            for (var ordinal = 1; ordinal <= last; ordinal++)
            {
                var key = (branchOfCheckout[checkout], slot, ordinal);
                if (!appearances.TryGetValue(key, out var builds))
                {
                    appearances[key] = builds = [];
                }

                builds.Add(build);
            }
        }

        // Long enough: most of a full window (fewer at small scales, where branches are short).
        var candidates = new List<((int Branch, int Slot, int Ordinal) Key, int[] Builds, int[] Window)>();
        foreach (var (key, builds) in appearances)
        {
            var branchLength = Math.Min(RegressionRecompute.WindowCheckouts, checkoutsOfBranch[key.Branch].Count);
            var window = Enumerable.Range(0, builds.Count).Where(i => inWindow[layout.CheckoutOfBuild(builds[i])]).ToArray();
            if (window.Length >= Math.Max(8, branchLength * 6 / 10))
            {
                candidates.Add((key, builds.ToArray(), window));
            }
        }

        if (candidates.Count < regressions + flaky)
        {
            throw new InvalidOperationException(
                $"only {candidates.Count} series are long enough to plant {regressions} regressions and {flaky} flaky series; use a larger --scale");
        }

        candidates.Sort((a, b) => Order(seed, a.Key).CompareTo(Order(seed, b.Key)));
        var plants = new Dictionary<(int, int, int), Plant>();
        var truth = new List<PlantedTruth>();
        for (var i = 0; i < regressions + flaky; i++)
        {
            var (key, builds, window) = candidates[i];
            var random = ObjectRandom.For(seed, ObjectKind.Test, ~Order(seed, key));
            Plant plant;
            string? firstBad = null;
            if (i < regressions)
            {
                // At least five passing results in the window before the first failure.
                var first = window[random.Next(5, window.Length)];
                plant = new Plant(builds, first, null);
                firstBad = created[layout.CheckoutOfBuild(builds[first])].GitCommitHash;
            }
            else
            {
                var fails = new bool[builds.Length];
                fails[0] = random.Next(2) == 0;
                for (var a = 1; a < fails.Length; a++)
                {
                    fails[a] = fails[a - 1] ^ (random.NextDouble() < FlakyFlipRate);
                }

                plant = new Plant(builds, -1, fails);
            }

            plants[key] = plant;
            var checkout = created[layout.CheckoutOfBuild(builds[0])];
            var (architecture, compiler, config, suite) = SlotTraits(key.Slot);
            var platform = PlatformOf(TestFactory.PlatformsOf(architecture), key.Slot);
            truth.Add(new PlantedTruth(i < regressions, checkout.TreeName, checkout.GitRepositoryBranch, suite.PathOf(key.Ordinal - 1), config,
                architecture, compiler, platform.Name, firstBad));
        }

        return new PlantedSeries(branchOfCheckout, plants, truth);
    }

    private static long Order(long seed, (int Branch, int Slot, int Ordinal) key) =>
        (long)(ObjectRandom.Mix((ulong)seed ^ ((ulong)key.Branch << 40) ^ ((ulong)key.Slot << 20) ^ (ulong)key.Ordinal) >> 1);

    // A planted series: the builds it has a test in (ascending), and from which of them it fails (a regression) or
    // which of them fail (a flaky series).
    private sealed record Plant(int[] Builds, int FirstBad, bool[]? Flips)
    {
        public bool Fails(int appearance) => Flips is null ? appearance >= FirstBad : Flips[appearance];
    }
}
