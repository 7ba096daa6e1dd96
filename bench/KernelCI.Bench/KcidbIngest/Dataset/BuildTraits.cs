namespace KernelCI.Bench.KcidbIngest.Dataset;

/// <summary>What a build's tests inherit from it, cheap to compute for every test. <see cref="Slot"/> is the build's
/// place among its checkout's builds (<see cref="PlantedSeries"/>).</summary>
internal sealed record BuildTraits(
    int Index,
    string Id,
    int Checkout,
    string Status,
    string Architecture,
    string Compiler,
    string ConfigName,
    string Runtime,
    TestSuite Suite,
    DateTimeOffset StartTime,
    double Duration,
    string ArtifactsUrl,
    int Slot = 0)
{
    public string KernelType => Vocabulary.KernelTypeFor(Architecture);

    public string KernelUrl => $"{ArtifactsUrl}/{(KernelType == "bzimage" ? "bzImage" : "Image")}";
}
