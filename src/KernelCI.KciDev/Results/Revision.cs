namespace KernelCI.KciDev.Results;

/// <summary>A resolved revision: the tree URL and branch, and always a full commit SHA (the server never sees tags or
/// short hashes, kci-dev.md §2.2).</summary>
internal sealed record Revision(string Origin, string GitUrl, string Branch, string Commit);
