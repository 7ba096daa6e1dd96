using KernelCI.Client.Maestro;
using KernelCI.Client.Pipeline;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Config;

namespace KernelCI.KciDev.Jobs;

/// <summary>The clients checkout, patchset, testretry and watch build from the instance (kci-dev.md §1, §3.1).</summary>
internal static class PipelineConnection
{
    /// <summary>The pipeline API with the instance's `token`, sent verbatim (no "Bearer"), as upstream does.</summary>
    public static PipelineClient Pipeline(CommandSession session, InstanceSettings instance, TimeSpan timeout)
    {
        var url = CommandSession.ParseUrl(CommandSession.Require(instance, instance.Pipeline, "pipeline"), "pipeline");
        var token = CommandSession.Require(instance, instance.Token, "token");
        return new PipelineClient(session.CreateHttpClient(url, timeout), token);
    }

    /// <summary>Maestro's `latest/` under the instance's `api`. The token goes along only for upstream's servers, whose
    /// event feed needs a signed-in user; our nodes and event stream are public.</summary>
    public static MaestroClient Maestro(CommandSession session, InstanceSettings instance)
    {
        var url = CommandSession.ParseUrl(CommandSession.Require(instance, instance.Api, "api"), "api");
        // 30 s per request upstream; 60 s here so a /listen long poll outlasts the server's 45 s keep-alive. The event
        // stream is read past it: only its headers are timed.
        return new MaestroClient(session.CreateHttpClient(new Uri(url, "latest/"), TimeSpan.FromSeconds(60)), instance.Token is { Length: > 0 } t ? t : null);
    }

    /// <summary>Upstream exits 64 when the checkout or patchset POST fails, for an unreachable server too.</summary>
    public static async Task<T> PostAsync<T>(Func<Task<T>> post)
    {
        try
        {
            return await post();
        }
        catch (HttpRequestException e) when (e.StatusCode is null)
        {
            throw new CliException("pipeline: cannot reach the server: " + (e.InnerException?.Message ?? e.Message), ExitCodes.PipelineRefused);
        }
    }
}
