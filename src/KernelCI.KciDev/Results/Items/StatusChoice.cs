namespace KernelCI.KciDev.Results.Items;

/// <summary>`--status all|pass|fail|inconclusive`; inconclusive is ERROR, SKIP, MISS, DONE or NULL (kci-dev.md §2.2).</summary>
internal enum StatusChoice
{
    All,
    Pass,
    Fail,
    Inconclusive,
}
