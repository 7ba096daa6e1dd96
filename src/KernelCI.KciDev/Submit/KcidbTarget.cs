using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Submit;

/// <summary>Where `submit` posts and with which token: the flags, else `KCIDB_REST`, else the instance's
/// `kcidb_rest_url` and `kcidb_token` (kci-dev.md §1; kernelci/kci-dev:kcidev/libs/kcidb.py).</summary>
internal sealed record KcidbTarget(Uri Url, string Token)
{
    public const string Variable = "KCIDB_REST";

    public static KcidbTarget Resolve(CommandSession session, string? flagUrl, string? flagToken)
    {
        if (flagUrl is not null || flagToken is not null)
        {
            return flagUrl is null || flagToken is null
                ? throw new CliException("Both --kcidb-rest-url and --kcidb-token must be provided together")
                : new KcidbTarget(ParseUrl(flagUrl, "--kcidb-rest-url"), flagToken);
        }

        if (session.Context.Environment(Variable) is { Length: > 0 } variable)
        {
            return FromVariable(variable)
                ?? throw new CliException($"{Variable}: expected https://TOKEN@host[/path], the token as the URL's user name");
        }

        if (session.OptionalInstance() is { KcidbRestUrl: { Length: > 0 } url, KcidbToken: { Length: > 0 } token } instance)
        {
            return new KcidbTarget(ParseUrl(url, $"instance {instance.Name}: kcidb_rest_url"), token);
        }

        throw new CliException("No KCIDB credentials found. Provide --kcidb-rest-url and --kcidb-token, set KCIDB_REST env var, "
            + "or configure kcidb_rest_url/kcidb_token in config file");
    }

    /// <summary>`https://TOKEN@host[:port][/path]`: the user name is the token; the URL loses its credentials and its
    /// path is made to end in `/submit`.</summary>
    public static KcidbTarget? FromVariable(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.UserInfo.Split(':')[0] is not { Length: > 0 } token)
        {
            return null;
        }

        var path = uri.AbsolutePath.EndsWith("/submit", StringComparison.Ordinal) ? uri.AbsolutePath : uri.AbsolutePath.TrimEnd('/') + "/submit";
        var clean = new UriBuilder(uri) { UserName = "", Password = "", Path = path };
        return new KcidbTarget(clean.Uri, Uri.UnescapeDataString(token));
    }

    private static Uri ParseUrl(string text, string name) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new CliException($"{name}: not an http(s) URL: {text}");
}
