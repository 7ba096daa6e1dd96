using KernelCI.Kcidb;
using KernelCI.Kcidb.Submissions;

namespace KernelCI.KciDev.Tests.Servers;

/// <summary>Our KCIDB REST server on a loopback listener; <see cref="Token"/> issues submitter tokens for an origin.</summary>
internal sealed class KcidbServer(LoopbackComponent server) : IAsyncDisposable
{
    /// <summary>`kcidb_rest_url` as kci-dev's config file names it.</summary>
    public Uri SubmitUrl => new(server.Url, "submit");

    public Uri Url => server.Url;

    /// <summary>KCIDB's rows (the loopback host gives every component the one database).</summary>
    public KernelCI.Data.Database Database => server.Database;

    public static async Task<KcidbServer> StartAsync() => new(await LoopbackComponent.StartAsync(new KcidbComponent()));

    public string Token(string origin) =>
        SubmissionAuthenticator.IssueToken(server.Secrets.Get(SubmissionAuthenticator.SecretName), origin, admin: false, DateTimeOffset.UtcNow.AddHours(1));

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
