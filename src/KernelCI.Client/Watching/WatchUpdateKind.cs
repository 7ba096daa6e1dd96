namespace KernelCI.Client.Watching;

public enum WatchUpdateKind
{
    /// <summary>Following the tree's events (again, after <see cref="Reconnecting"/>).</summary>
    Connected,

    /// <summary>A watched node appeared or changed state or result.</summary>
    NodeChanged,

    /// <summary>Every job finished; waiting up to <see cref="WatchRequest.TestResultWait"/> for the test's result.</summary>
    WaitingForTest,

    /// <summary>The connection to Maestro broke; trying again after <see cref="WatchRequest.RetryDelay"/>.</summary>
    Reconnecting,
}
