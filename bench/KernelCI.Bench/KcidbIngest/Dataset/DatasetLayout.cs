namespace KernelCI.Bench.KcidbIngest.Dataset;

/// <summary>
/// Which parent each object hangs under, computed rather than stored. Builds are spread evenly over checkouts. Tests per
/// build vary (1 to 2×average−1) in pairs that cancel out, so the total is exact and any build's first test is O(1).
/// </summary>
internal sealed class DatasetLayout(DatasetShape shape, long seed)
{
    private readonly long _testsPerBuild = shape.Tests / shape.Builds;
    private readonly long _extraTests = shape.Tests % shape.Builds;

    public DatasetShape Shape => shape;

    public int CheckoutOfBuild(int build) => (int)((long)build * shape.Checkouts / shape.Builds);

    public int FirstBuildOf(int checkout) => (int)(((long)checkout * shape.Builds + shape.Checkouts - 1) / shape.Checkouts);

    public int BuildCountOf(int checkout) => FirstBuildOf(checkout + 1) - FirstBuildOf(checkout);

    public long FirstTestOf(int build) =>
        build * _testsPerBuild + Math.Min(build, _extraTests) + (build % 2 == 1 ? Swing(build / 2) : 0);

    public int TestCountOf(int build)
    {
        var count = _testsPerBuild + (build < _extraTests ? 1 : 0);
        var swing = Swing(build / 2);
        return (int)(build % 2 == 0 ? count + swing : count - swing);
    }

    public int BuildOfTest(long test)
    {
        int low = 0, high = shape.Builds - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (FirstTestOf(middle) <= test)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    private long Swing(int pair)
    {
        if (pair * 2L + 1 >= shape.Builds || _testsPerBuild < 2)
        {
            return 0;
        }

        return (long)(ObjectRandom.Mix((ulong)seed ^ ((ulong)pair << 20) ^ 0xC0FFEE) % (ulong)_testsPerBuild);
    }
}
