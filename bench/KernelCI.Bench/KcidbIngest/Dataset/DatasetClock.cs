namespace KernelCI.Bench.KcidbIngest.Dataset;

/// <summary>Checkouts are spread over 30 days from 2026-10-01; everything else starts a little after its parent.</summary>
internal static class DatasetClock
{
    private static readonly DateTimeOffset Epoch = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Span = TimeSpan.FromDays(30);

    public static DateTimeOffset CheckoutStart(int checkout, int checkouts) =>
        Epoch + TimeSpan.FromSeconds(Math.Floor(Span.TotalSeconds * checkout / checkouts));

    public static DateTimeOffset After(DateTimeOffset start, double seconds) =>
        start + TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));

    public static double Seconds(ref ObjectRandom random, double min, double max) =>
        Math.Round(min + random.NextDouble() * (max - min), 3);
}
