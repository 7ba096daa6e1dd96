using KernelCI.Client.Maestro;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Maestro;

/// <summary>The Maestro API of the chosen instance (its `api` key, kci-dev.md §1): upstream gives node reads 30 s.</summary>
internal static class MaestroApi
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The instance's `api` URL, e.g. `http://host:8001/` (printed in viewer links).</summary>
    public static Uri BaseUrl(CommandSession session)
    {
        var instance = session.RequireInstance();
        return CommandSession.ParseUrl(CommandSession.Require(instance, instance.Api, "api"), "api");
    }

    public static MaestroClient Client(CommandSession session) => Client(session, BaseUrl(session));

    public static MaestroClient Client(CommandSession session, Uri baseUrl) =>
        new(session.CreateHttpClient(new Uri(baseUrl, "latest/"), Timeout));

    /// <summary>Upstream exits 2 (ENOENT) on any failure to read nodes, an unreachable API included
    /// (kernelci/kci-dev:kcidev/libs/maestro_common.py); refusals already map to 2 in <see cref="CliAction"/>.</summary>
    public static async Task<T> ReachAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (HttpRequestException e) when (e.StatusCode is null)
        {
            throw new CliException("cannot reach the Maestro API: " + (e.InnerException?.Message ?? e.Message), ExitCodes.MaestroError);
        }
    }

    /// <summary>Filter terms (`KEY=VALUE`) added to <paramref name="filter"/> in order.</summary>
    public static NodeFilter Where(this NodeFilter filter, IEnumerable<string> terms, string option)
    {
        foreach (var (key, value) in terms.Select(t => Split(t, option)))
        {
            filter.Where(key, value);
        }

        return filter;
    }

    /// <summary>`--filter KEY=VALUE` as upstream splits it: at the first `=`, the operator kept in the key
    /// (`name__re=^baseline`).</summary>
    public static (string Key, string Value) Split(string term, string option)
    {
        var equals = term.IndexOf('=', StringComparison.Ordinal);
        return equals > 0
            ? (term[..equals], term[(equals + 1)..])
            : throw new CliException($"{option} {term}: expected KEY=VALUE, e.g. kind=kbuild or name__re=^baseline");
    }
}
