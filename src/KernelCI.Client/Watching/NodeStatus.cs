namespace KernelCI.Client.Watching;

/// <summary>Upstream's three states of a watched node (`maestro_check_node`): RUNNING, DONE, FAIL.</summary>
public enum NodeStatus
{
    Running,
    Done,
    Failed,
}
