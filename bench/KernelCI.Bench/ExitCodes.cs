namespace KernelCI.Bench;

internal static class ExitCodes
{
    public const int Success = 0;
    public const int Usage = 1;
    public const int Failure = 2;
}
