namespace KernelCI.Maestro.Nodes;

/// <summary>Upstream's state machine: running → available|closing|done, available → closing|done, closing → done.</summary>
internal static class NodeStates
{
    public static readonly string[] All = ["running", "available", "closing", "done"];

    public static readonly string[] Results = ["pass", "fail", "skip", "incomplete"];

    public static bool CanMove(string from, string to) => from == to || (from, to) switch
    {
        ("running", "available" or "closing" or "done") => true,
        ("available", "closing" or "done") => true,
        ("closing", "done") => true,
        _ => false,
    };

    public static void CheckTransition(string from, string to)
    {
        if (!CanMove(from, to))
        {
            throw MaestroException.BadRequest($"Transition not allowed with state: {to}, from state: {from}");
        }
    }
}
