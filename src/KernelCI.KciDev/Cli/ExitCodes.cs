namespace KernelCI.KciDev.Cli;

/// <summary>Upstream's exit codes where it has one (kci-dev.md §2.1, §3.1); otherwise the house rule: 1 for usage and
/// server-refused requests, 2 for failures reaching Maestro.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int MaestroError = 2;

    /// <summary>A command line the parser refuses (unknown option, missing required one): click's usage error code.</summary>
    public const int Usage = 2;
    public const int PipelineRefused = 64;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
