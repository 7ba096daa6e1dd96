namespace KernelCI.Pipeline.Services.SendKcidb;

/// <summary>Bound from "Pipeline:Bridge" (e.g. `"SweepInterval": "00:01:00"`). How the KCIDB bridge sweeps for unsent nodes (its outbox) and how much it sends at once.</summary>
public sealed record BridgeOptions
{
    /// <summary>Time between sweeps of nodes not yet sent; events usually send them sooner.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Nodes per sweep page and per KCIDB submission (upstream: 500).</summary>
    public int BatchSize { get; init; } = 500;
}
