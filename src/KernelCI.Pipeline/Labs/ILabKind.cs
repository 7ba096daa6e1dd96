using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Labs;

/// <summary>How the lab view asks one lab_type's labs for their devices. A runtime kind adds itself by registering one
/// (`services.AddSingleton&lt;ILabKind, …&gt;()`): LAVA's is <see cref="Runtimes.Lava.LavaLabKind"/>. A lab whose
/// type has none is still listed, with its job counts, and its health "not_reported"; a pull lab's is
/// <see cref="Runtimes.PullLabs.PullLabKind"/>.</summary>
public interface ILabKind
{
    string LabType { get; }

    /// <summary>Every device of the lab, or null when this lab cannot be asked (a pull lab, a LAVA entry without url).
    /// Any failure throws; the lab view shows it as "unreachable".</summary>
    Task<IReadOnlyList<LabDevice>?> DevicesAsync(RuntimeConfig lab, CancellationToken cancellationToken);

    /// <summary>The workers that fetch the lab's jobs, the jobs they hold and the health that follows, for a lab that
    /// comes to the pipeline (a pull lab, <see cref="Runtimes.PullLabs.PullLabKind"/>); null for one the pipeline asks.</summary>
    Task<LabWorkers?> WorkersAsync(RuntimeConfig lab, CancellationToken cancellationToken) => Task.FromResult<LabWorkers?>(null);
}
