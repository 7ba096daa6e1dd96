using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Runtimes;

/// <summary>Makes runtimes of one lab_type from their configuration entries.</summary>
public interface IRuntimeFactory
{
    string LabType { get; }

    IRuntime Create(RuntimeConfig config);
}
