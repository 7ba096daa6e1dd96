namespace KernelCI.ServiceDefaults.Labs;

/// <summary>The pipeline's view of its hardware labs (docs/labs.md, the lab view): served as `GET /api/labs` by the
/// pipeline, and read in process by the dashboard's `/labs` page when both run in one host
/// (<see cref="LocalServices"/>).</summary>
public interface ILabView
{
    Task<IReadOnlyList<LabReport>> LabsAsync(CancellationToken cancellationToken);

    /// <summary>One lab, or null when no lab has that name.</summary>
    Task<LabReport?> LabAsync(string name, CancellationToken cancellationToken);
}
