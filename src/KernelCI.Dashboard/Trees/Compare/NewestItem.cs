namespace KernelCI.Dashboard.Trees.Compare;

/// <summary>The newest item of an identity seen so far while compare reads a side, and its raw status. A class, so a
/// side's map holds a reference per identity: with the pair as the value a map of a checkout's 2,000 tests outgrew
/// the large object heap's 85,000 bytes, and each of those started a full collection sooner (docs/benchmarks.md,
/// "dashboard-pages", session 18).</summary>
internal sealed class NewestItem(NewestFirst order, string? status)
{
    public NewestFirst Order { get; set; } = order;

    public string? Status { get; set; } = status;
}
