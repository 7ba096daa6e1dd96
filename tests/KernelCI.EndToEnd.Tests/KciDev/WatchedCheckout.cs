using KernelCI.Client.Maestro;
using KernelCI.Testing;

namespace KernelCI.EndToEnd.Tests.KciDev;

/// <summary>One `kci-dev checkout --watch --test` run and the nodes it made, once its boot job has finished
/// (whatever the watch itself decided).</summary>
public sealed record WatchedCheckout(ProcessResult Watch, string Commit, MaestroNode Checkout, MaestroNode Kbuild, MaestroNode BootJob);
