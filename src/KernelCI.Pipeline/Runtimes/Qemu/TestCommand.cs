namespace KernelCI.Pipeline.Runtimes.Qemu;

/// <summary>One test of a `commands` job: a shell snippet run in the guest.</summary>
internal sealed record TestCommand(string Name, string Run, bool Ktap);
