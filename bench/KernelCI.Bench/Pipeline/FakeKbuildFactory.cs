using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes;

namespace KernelCI.Bench.Pipeline;

/// <summary>The many-trees run's stand-in for kbuild (lab_type `fake-kbuild`): it passes at once with a kernel that
/// a real build made earlier, so what is timed is the orchestration around builds and the real QEMU boots.</summary>
internal sealed class FakeKbuildFactory(MaestroClient maestro, Task<string> kernelUrl) : IRuntimeFactory
{
    public const string Type = "fake-kbuild";

    public string LabType => Type;

    public IRuntime Create(RuntimeConfig config) => new FakeKbuild(config, maestro, kernelUrl);
}
