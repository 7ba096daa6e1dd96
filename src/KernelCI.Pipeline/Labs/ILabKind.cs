using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Labs;

/// <summary>How the lab view asks one lab_type's labs for their devices. A runtime kind adds itself by registering one
/// (`services.AddSingleton&lt;ILabKind, …&gt;()`): LAVA's is <see cref="Runtimes.Lava.LavaLabKind"/>. A lab whose
/// type has none is still listed, with its job counts, and its health "not_reported".</summary>
public interface ILabKind
{
    string LabType { get; }

    /// <summary>Every device of the lab, or null when this lab cannot be asked (a pull lab, a LAVA entry without url).
    /// Any failure throws; the lab view shows it as "unreachable".</summary>
    Task<IReadOnlyList<LabDevice>?> DevicesAsync(RuntimeConfig lab, CancellationToken cancellationToken);
}
