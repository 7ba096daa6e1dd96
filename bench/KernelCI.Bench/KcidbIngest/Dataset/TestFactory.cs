using KernelCI.Bench.KcidbIngest.Dataset.Model;

namespace KernelCI.Bench.KcidbIngest.Dataset;

internal sealed class TestFactory(long seed, IdFactory ids, PlantedSeries? planted = null)
{
    private const string Storage = "https://files.kernelci.org";
    private const string BootSource = "https://github.com/kernelci/kernelci-core.git";

    private static readonly Dictionary<string, Platform[]> PlatformsByArchitecture =
        Vocabulary.Platforms.GroupBy(p => p.Architecture).ToDictionary(g => g.Key, g => g.ToArray());

    private static readonly Dictionary<string, string> LabHosts = new()
    {
        ["lava-collabora"] = "https://lava.collabora.dev",
        ["lava-baylibre"] = "https://lava.baylibre.com",
        ["lava-pengutronix"] = "https://hekla.openlab.pengutronix.de",
        ["lava-broonie"] = "https://lava.sirena.org.uk",
    };

    public static IReadOnlyList<Platform> PlatformsOf(string architecture) => PlatformsByArchitecture[architecture];

    public static string? StatusOf(long seed, long index)
    {
        var random = ObjectRandom.For(seed, ObjectKind.Test, index);
        return StatusMix.DrawTest(ref random);
    }

    public KcidbTest Create(BuildTraits build, int ordinal, long index)
    {
        var random = ObjectRandom.For(seed, ObjectKind.Test, index);
        var status = StatusMix.DrawTest(ref random);
        var path = ordinal == 0 ? "boot" : build.Suite.PathOf(ordinal - 1);
        var platform = random.Pick(PlatformsByArchitecture[build.Architecture]);
        if (planted is not null)
        {
            status = planted.TestStatus(build, ordinal, status);
            platform = PlantedSeries.PlatformOf(PlatformsByArchitecture[build.Architecture], build.Slot);
        }

        var jobId = random.Next(10_000_000, 30_000_000).ToString();
        var jobUrl = $"{LabHosts[platform.Lab]}/scheduler/job/{jobId}";
        var id = ids.NodeId(ObjectKind.Test, index);
        var logUrl = $"{Storage}/{platform.Lab}-{jobId}/lava_log.txt.gz";
        var name = ordinal == 0 ? "baseline" : path[(path.LastIndexOf('.') + 1)..];
        return new KcidbTest(
            id,
            IdFactory.Origin,
            build.Id,
            $"{name} on {platform.Name} in {platform.Lab}",
            DatasetClock.After(build.StartTime, build.Duration + DatasetClock.Seconds(ref random, 60, 5400)),
            DatasetClock.Seconds(ref random, 0.01, 600),
            path,
            status,
            new TestEnvironment($"Runtime: {platform.Lab}", platform.Compatible, new EnvironmentMisc(platform.Name, jobId, platform.Lab, jobUrl)),
            logUrl,
            status is "FAIL" or "ERROR" ? LogExcerpts.ForTest(ref random, path) : null,
            status == "SKIP" ? null : [new KcidbResource("lava_log", logUrl), new KcidbResource("kernel", build.KernelUrl)],
            new TestMisc(
                ordinal == 0 ? BootSource : build.Suite.Source,
                "4f1c0a6d8e2b7c9310fa5d6e8b9c0d1e2f3a4b5c",
                build.Compiler,
                build.KernelType,
                build.Architecture,
                platform.Lab,
                platform.Lab,
                status is "ERROR" or "MISS" ? (status == "MISS" ? "Job" : "Infrastructure") : null));
    }
}
