namespace KernelCI.Client.Bisection;

/// <summary>A commit as the result names it: full SHA, subject line and author (`Name &lt;email&gt;`).</summary>
public sealed record BisectCommit(string Sha, string Subject, string Author);
