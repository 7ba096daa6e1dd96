namespace KernelCI.Bench.KcidbIngest.Dataset;

/// <summary>How many objects of each type the dataset has.</summary>
internal sealed record DatasetShape(int Checkouts, int Builds, long Tests, int Issues, int Incidents)
{
    public static DatasetShape FullSize { get; } = new(1_000, 50_000, 2_000_000, 2_000, 20_000);

    public long TotalObjects => Checkouts + Builds + Tests + Issues + Incidents;

    public static DatasetShape Scaled(double scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        var full = FullSize;
        return new DatasetShape(
            Scale(full.Checkouts, scale),
            Scale(full.Builds, scale),
            Math.Max(1, (long)Math.Round(full.Tests * scale)),
            Scale(full.Issues, scale),
            Scale(full.Incidents, scale));
    }

    public long CountOf(ObjectKind kind) => kind switch
    {
        ObjectKind.Checkout => Checkouts,
        ObjectKind.Issue => Issues,
        ObjectKind.Build => Builds,
        ObjectKind.Test => Tests,
        ObjectKind.Incident => Incidents,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static int Scale(int count, double scale) => (int)Math.Max(1, Math.Round(count * scale));
}
