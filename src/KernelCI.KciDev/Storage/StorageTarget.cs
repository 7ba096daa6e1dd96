using System.CommandLine;
using System.Net;
using KernelCI.Client.Storage;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Storage;

/// <summary>The storage server and its token: `--storage-url` and `--storage-token`, else `KCI_STORAGE_URL` and
/// `KCI_STORAGE_TOKEN`, else the instance's `storage_url` and `storage_token`; each pair given together or not at all
/// (kci-dev.md §1, kernelci/kci-dev:kcidev/libs/storage.py).</summary>
internal sealed class StorageTarget
{
    public Option<string?> Url { get; } = new("--storage-url") { Description = "Storage server URL (overrides KCI_STORAGE_URL and the config file)" };

    public Option<string?> Token { get; } = new("--storage-token") { Description = "Storage token (overrides KCI_STORAGE_TOKEN and the config file)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(Token);
    }

    /// <summary>A client sending the token as `Bearer`; uploads get upstream's 120 s.</summary>
    public StorageClient Client(CommandSession session)
    {
        var (url, token) = Resolve(session);
        var http = session.CreateHttpClient(CommandSession.ParseUrl(url, "storage URL"), TimeSpan.FromSeconds(120));
        return new StorageClient(http, token, new StorageRetryPolicy(Attempts: 3), session.Context.Time);
    }

    /// <summary>401 is a bad or expired token, said in one line; other refusals keep the server's message.</summary>
    public static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (StorageClientException e) when (e.Status == HttpStatusCode.Unauthorized)
        {
            throw new CliException("storage: bad token: the server refused it (HTTP 401; invalid or expired)");
        }
    }

    private (string Url, string Token) Resolve(CommandSession session)
    {
        var (flagUrl, flagToken) = (session.Value(Url), session.Value(Token));
        if (flagUrl is not null || flagToken is not null)
        {
            return flagUrl is null || flagToken is null
                ? throw new CliException("Both --storage-url and --storage-token must be provided together")
                : (flagUrl, flagToken);
        }

        var (envUrl, envToken) = (session.Context.Environment("KCI_STORAGE_URL"), session.Context.Environment("KCI_STORAGE_TOKEN"));
        if (!string.IsNullOrEmpty(envUrl) || !string.IsNullOrEmpty(envToken))
        {
            return string.IsNullOrEmpty(envUrl) || string.IsNullOrEmpty(envToken)
                ? throw new CliException("Both KCI_STORAGE_URL and KCI_STORAGE_TOKEN env vars must be set together")
                : (envUrl, envToken);
        }

        return session.OptionalInstance() is { StorageUrl: { Length: > 0 } url, StorageToken: { Length: > 0 } token }
            ? (url, token)
            : throw new CliException("No storage credentials found. Provide --storage-url and --storage-token, "
                + "set KCI_STORAGE_URL/KCI_STORAGE_TOKEN env vars, or configure storage_url/storage_token in config file");
    }
}
