namespace KernelCI.Maestro;

public sealed record MaestroOptions
{
    /// <summary>How long /listen waits before answering with a BEEP keep-alive; under the clients' 60 s timeout.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>Token lifetime for /user/login; upstream's default is 10 years.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromDays(3650);
}
