namespace KernelCI.Client.Watching;

/// <summary>kci-dev.md §3.2, as kernelci/kci-dev:kcidev/libs/maestro_common.py `maestro_check_node` decides.</summary>
public static class NodeRules
{
    public static NodeStatus StatusOf(string name, string state, string? result, string rootName) =>
        name == rootName
            ? state switch
            {
                "running" => NodeStatus.Running,
                "available" or "closing" => NodeStatus.Done,
                "done" when result == "pass" => NodeStatus.Done,
                _ => NodeStatus.Failed,
            }
            : state switch
            {
                "running" => NodeStatus.Running,
                "done" when result is "pass" or "fail" => NodeStatus.Done,
                // Anything else counts as failed upstream, `available`, `closing` and done/incomplete or skip included.
                _ => NodeStatus.Failed,
            };
}
