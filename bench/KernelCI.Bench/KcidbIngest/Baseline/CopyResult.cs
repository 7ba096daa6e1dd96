namespace KernelCI.Bench.KcidbIngest.Baseline;

/// <summary>The COPY baseline: rows from the start of the first COPY to the commit.</summary>
internal sealed record CopyResult(long Rows, double Seconds, double GenerationSeconds, IReadOnlyList<string> SkippedFields)
{
    public double RowsPerSecond => Rows / Seconds;
}
