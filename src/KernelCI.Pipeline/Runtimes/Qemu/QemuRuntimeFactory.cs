using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Runtimes.Qemu;

internal sealed class QemuRuntimeFactory(RuntimeContext context) : IRuntimeFactory
{
    public string LabType => "qemu";

    public IRuntime Create(RuntimeConfig config) => new QemuRuntime(config, context);
}
