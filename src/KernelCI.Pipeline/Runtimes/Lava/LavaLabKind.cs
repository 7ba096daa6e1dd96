using System.Collections.Concurrent;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Labs;

namespace KernelCI.Pipeline.Runtimes.Lava;

/// <summary>The lab view's device query of a LAVA lab: REST API v0.2 `devices/` with the lab's runtime token when it
/// is stored (docs/labs.md, the lab view). An entry without url is a pull-only lab and cannot be asked.</summary>
internal sealed class LavaLabKind(LavaSecrets secrets, LavaHttp http) : ILabKind
{
    private readonly ConcurrentDictionary<Uri, HttpClient> _clients = new();

    public string LabType => "lava";

    public async Task<IReadOnlyList<LabDevice>?> DevicesAsync(RuntimeConfig lab, CancellationToken cancellationToken)
    {
        var settings = LavaLabSettings.Read(lab, []);
        if (settings.Url is not { } url)
        {
            return null;
        }

        var client = new LavaRestClient(_clients.GetOrAdd(url, http.Client), lab.Name, secrets.Find(settings.RuntimeTokenName) ?? "");
        return await client.DevicesAsync(cancellationToken);
    }
}
