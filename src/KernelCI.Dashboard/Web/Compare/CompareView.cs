using KernelCI.Dashboard.Web.Shared;

namespace KernelCI.Dashboard.Web.Compare;

/// <summary>The compare page: the branch's recent commits for the pickers, the chosen A and B (null when the branch
/// has a single commit), the matrix, and the open tab's changed rows of the chosen kind of change, paged.</summary>
public sealed record CompareView(PageLink Link, string TreeName, string Branch, string Origin, IReadOnlyList<CompareRevision> Revisions,
    CompareRevision? A, CompareRevision? B, IReadOnlyList<CompareMatrixRow> Matrix, string Tab, string Change,
    IReadOnlyList<CompareRow> Rows, int Matching, int Limit, string? NextCursor, string ApiUrl)
{
    /// <summary>kci-dev's `results compare` of the pair, when the repository is known.</summary>
    public string? Command { get; init; }
}
