using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Runtimes.Lava;

/// <summary>The lab's `notify.callback`: the DESCRIPTION of the LAVA token whose secret LAVA sends back (not a secret
/// itself), and how the callback is sent (json, dataset all, POST unless set). <see cref="Url"/> overrides the
/// instance's callback URL (Pipeline:InstanceCallback, upstream's KCI_INSTANCE_CALLBACK) for this lab.</summary>
internal sealed record LavaNotifySettings(string? Token, string ContentType, string Dataset, string Method, string? Url)
{
    public static LavaNotifySettings? Read(JsonNode? notify, string key, List<string> errors)
    {
        if (notify is null)
        {
            return null;
        }

        if (notify is not JsonObject { } fields || fields["callback"] is not JsonObject callback)
        {
            errors.Add($"{key}.callback: must be a mapping (token, url, dataset, method, content-type)");
            return null;
        }

        var url = callback["url"]?.ToString();
        if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            errors.Add($"{key}.callback.url: '{url}' is not an absolute URL");
        }

        return new LavaNotifySettings(callback["token"]?.ToString(), callback["content-type"]?.ToString() ?? "json",
            callback["dataset"]?.ToString() ?? "all", callback["method"]?.ToString() ?? "POST", url?.TrimEnd('/'));
    }
}
