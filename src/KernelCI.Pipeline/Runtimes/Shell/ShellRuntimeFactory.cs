using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Services.Tarball;

namespace KernelCI.Pipeline.Runtimes.Shell;

internal sealed class ShellRuntimeFactory(RuntimeContext context, GitCache cache) : IRuntimeFactory
{
    public string LabType => "shell";

    public IRuntime Create(RuntimeConfig config) => new ShellRuntime(config, context, cache);
}
