using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Runtimes.Shell;

internal sealed class ShellRuntimeFactory(RuntimeContext context) : IRuntimeFactory
{
    public string LabType => "shell";

    public IRuntime Create(RuntimeConfig config) => new ShellRuntime(config, context);
}
