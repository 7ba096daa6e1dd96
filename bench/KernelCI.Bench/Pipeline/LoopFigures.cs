namespace KernelCI.Bench.Pipeline;

/// <summary>One commit through the loop: from the push to its boot result queryable in KCIDB, and the parts of it
/// spent building and booting; the rest is orchestration (polling, tarball, scheduling, bridge, ingestion).</summary>
internal sealed record LoopFigures(TimeSpan Total, TimeSpan Build, TimeSpan Boot, TimeSpan Tarball)
{
    public TimeSpan Overhead => Total - Build - Boot;
}
