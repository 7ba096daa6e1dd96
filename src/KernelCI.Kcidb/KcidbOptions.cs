namespace KernelCI.Kcidb;

public sealed record KcidbOptions
{
    /// <summary>Upstream's limit for one submission body.</summary>
    public long MaxSubmissionBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Spool files in one batch at most.</summary>
    public int BatchFiles { get; init; } = 200;

    /// <summary>Spool bytes in one batch at most (the first file is always taken, whatever its size).</summary>
    public long BatchBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Whether this process moves spool files into the database (an API-only replica may not).</summary>
    public bool RunIngester { get; init; } = true;

    /// <summary>Extra JWT secrets accepted besides the data folder's own (upstream's UNIFIED_SECRET).</summary>
    public IReadOnlyList<string> ExtraSecrets { get; init; } = [];
}
