namespace KernelCI.Client.Bisection;

public enum BisectUpdateKind
{
    /// <summary>Cloning, fetching, resolving the commits, resuming.</summary>
    Info,

    /// <summary>A run of a commit starts.</summary>
    RunStarted,

    /// <summary>A run ended with a result.</summary>
    RunFinished,

    /// <summary>A run failed for a transient reason and is tried again after a back-off.</summary>
    Retrying,

    /// <summary>A step's verdict was given to git bisect.</summary>
    StepDecided,
}
