namespace KernelCI.Host.Kcidb;

/// <summary>
/// The server and token, from --url/--token or upstream's KCIDB_REST=https://TOKEN@host form
/// (a token in the URL's user part is taken out of the URL).
/// </summary>
internal sealed record KcidbEndpoint(Uri BaseAddress, string Token)
{
    public static KcidbEndpoint? Resolve(string? url, string? token, out string error)
    {
        url ??= Environment.GetEnvironmentVariable("KCIDB_REST");
        if (string.IsNullOrEmpty(url))
        {
            error = "--url: required (or set KCIDB_REST=https://TOKEN@host)";
            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            error = $"--url: '{url}' is not an http(s) URL";
            return null;
        }

        if (uri.UserInfo.Length > 0)
        {
            token ??= Uri.UnescapeDataString(uri.UserInfo);
            uri = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri;
        }

        if (string.IsNullOrEmpty(token))
        {
            error = "--token: required (or put it in the URL as https://TOKEN@host)";
            return null;
        }

        error = string.Empty;
        // kci-dev and the pipeline name the submit endpoint itself (…/submit); the other endpoints are its siblings.
        var path = uri.AbsolutePath.EndsWith("/submit", StringComparison.Ordinal) ? uri.AbsolutePath[..^"submit".Length] : uri.AbsolutePath;
        path = path.EndsWith('/') ? path : path + "/";
        return new KcidbEndpoint(new UriBuilder(uri) { Path = path }.Uri, token);
    }

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
}
