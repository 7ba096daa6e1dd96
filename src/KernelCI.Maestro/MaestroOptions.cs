namespace KernelCI.Maestro;

public sealed record MaestroOptions
{
    /// <summary>How long /listen waits before answering with a BEEP keep-alive; under the clients' 60 s timeout.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>Token lifetime for /user/login; upstream's default is 10 years.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromDays(3650);

    /// <summary>Group writes of POST /node in flight at once. Null: 4 on PostgreSQL, where concurrent commits share
    /// their WAL flushes, and 1 on SQLite, which has one writer at a time anyway.</summary>
    public int? ConcurrentNodeWrites { get; init; }

    /// <summary>How long a replica trusts the user it read for a token before reading it again. A token revoked, or a
    /// user deactivated or deleted, through another replica or the CLI is refused within this time; through this
    /// replica at once. Zero reads the user on every request.</summary>
    public TimeSpan UserCacheLifetime { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a PostgreSQL statement matching a client's regular expression (`__re`, `/events?path=`) may
    /// run before the request is refused with a 400; PostgreSQL's engine can take seconds per row on some patterns.</summary>
    public TimeSpan PatternTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
