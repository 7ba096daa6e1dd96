namespace KernelCI.Pipeline.Git;

/// <summary>"Pipeline:Git" in the configuration file: which git URLs developers may ask the pipeline to fetch.</summary>
public sealed record GitOptions
{
    private static readonly string[] Known = ["git", "ssh"];

    /// <summary>Schemes accepted from developer requests and nodes besides `https`: `git` and/or `ssh`. The URLs of
    /// configured trees are accepted whatever their scheme (a `file://` tree of the operator's own).</summary>
    public IReadOnlyList<string> ExtraSchemes { get; init; } = [];

    /// <summary>This, or an error naming the bad setting.</summary>
    public GitOptions Validated()
    {
        for (var i = 0; i < ExtraSchemes.Count; i++)
        {
            if (!Known.Contains(ExtraSchemes[i]))
            {
                throw new ArgumentException(
                    $"Pipeline:Git:ExtraSchemes:{i}: '{ExtraSchemes[i]}' is not one of {string.Join(", ", Known)} (https is always accepted)");
            }
        }

        return this;
    }
}
