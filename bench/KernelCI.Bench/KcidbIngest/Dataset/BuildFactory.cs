using KernelCI.Bench.KcidbIngest.Dataset.Model;

namespace KernelCI.Bench.KcidbIngest.Dataset;

internal sealed class BuildFactory(DatasetLayout layout, long seed, IdFactory ids, CheckoutFactory checkouts, bool planted = false)
{
    private const string Storage = "https://files.kernelci.org";

    public BuildTraits Traits(int index)
    {
        var random = ObjectRandom.For(seed, ObjectKind.Build, index);
        var status = StatusMix.DrawBuild(ref random);
        var architecture = random.Pick(Vocabulary.Architectures);
        var compiler = random.Pick(Vocabulary.Compilers);
        var checkout = layout.CheckoutOfBuild(index);
        var id = ids.NodeId(ObjectKind.Build, index);
        var start = DatasetClock.After(DatasetClock.CheckoutStart(checkout, layout.Shape.Checkouts), DatasetClock.Seconds(ref random, 300, 7200));
        var config = Vocabulary.ConfigFor(architecture, random.Next(3));
        var runtime = random.Pick(Vocabulary.BuildRuntimes);
        var suite = random.Pick(Vocabulary.Suites);
        var slot = index - layout.FirstBuildOf(checkout);
        if (planted)
        {
            // The same draws as always, then the slot's fixed traits (PlantedSeries).
            (architecture, compiler, config, suite) = PlantedSeries.SlotTraits(slot);
            status = PlantedSeries.BuildStatus(status);
        }

        return new BuildTraits(
            index,
            id,
            checkout,
            status,
            architecture,
            compiler,
            config,
            runtime,
            suite,
            start,
            DatasetClock.Seconds(ref random, 240, 3600),
            $"{Storage}/kbuild-{compiler}-{architecture}-{id[8..]}",
            slot);
    }

    public KcidbBuild Create(int index)
    {
        var traits = Traits(index);
        var random = ObjectRandom.For(seed, ObjectKind.Build, ~(long)index);
        var failed = traits.Status != "PASS";
        return new KcidbBuild(
            traits.Id,
            IdFactory.Origin,
            ids.NodeId(ObjectKind.Checkout, traits.Checkout),
            checkouts.Create(traits.Checkout).GitCommitName,
            traits.StartTime,
            traits.Duration,
            traits.Architecture,
            traits.Compiler,
            traits.ConfigName,
            traits.ArtifactsUrl + "/config",
            traits.ArtifactsUrl + "/build.log.gz",
            LogExcerpts.ForBuild(ref random, traits.Status, traits.Architecture),
            OutputFiles(traits),
            new BuildMisc(
                "kubernetes",
                traits.Runtime,
                traits.Runtime,
                $"kci-{traits.Id[8..]}-kbuild-{traits.Compiler}-{traits.Architecture}-{random.Hex(8)}",
                traits.Runtime,
                traits.KernelType,
                traits.Status is "ERROR" or "MISS" ? (traits.Status == "MISS" ? "node_timeout" : "Infrastructure") : null,
                failed ? "make exited with status 2" : null,
                $"https://api.kernelci.org/viewer?node_id={traits.Id[8..]}"),
            traits.Status);
    }

    private static List<KcidbResource> OutputFiles(BuildTraits traits)
    {
        var files = new List<KcidbResource>(5)
        {
            new("kernel", traits.KernelUrl),
            new("modules", traits.ArtifactsUrl + "/modules.tar.xz"),
            new("System.map", traits.ArtifactsUrl + "/System.map"),
            new("metadata", traits.ArtifactsUrl + "/metadata.json"),
        };
        if (traits.Architecture is "arm64" or "arm" or "riscv")
        {
            files.Add(new("dtbs", traits.ArtifactsUrl + "/dtbs.tar.xz"));
        }

        return files;
    }
}
