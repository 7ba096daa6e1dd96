using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Runtimes.PullLabs;

/// <summary>Makes lab_type pull_labs runtimes. The lab's tokens are checked by the pipeline API that the lab calls
/// (a missing secret is logged at its start, docs/labs.md), not here: the scheduler never uses them.</summary>
internal sealed class PullLabsRuntimeFactory(RuntimeContext context) : IRuntimeFactory
{
    public string LabType => PullLabSettings.LabType;

    public IRuntime Create(RuntimeConfig config) => new PullLabsRuntime(config, PullLabSettings.Read(config), context);
}
