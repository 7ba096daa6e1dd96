namespace KernelCI.Dashboard.Web.Compare;

/// <summary>A commit of the branch offered by the A and B pickers (upstream's CompareRevision), newest first.</summary>
public sealed record CompareRevision(string Hash, string? Name, IReadOnlyList<string> Tags, string? LastCheckout)
{
    public string Short => Hash.Length > 12 ? Hash[..12] : Hash;

    /// <summary>What the picker shows: short hash, then the tag or name and the date.</summary>
    public string Label => $"{Short} {(Tags.Count > 0 ? string.Join(", ", Tags) : Name)} {LastCheckout?[..Math.Min(10, LastCheckout.Length)]}".Trim();
}
