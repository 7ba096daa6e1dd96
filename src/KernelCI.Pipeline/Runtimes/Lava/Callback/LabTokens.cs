using System.Security.Cryptography;
using System.Text;
using KernelCI.Pipeline.Config;
using KernelCI.ServiceDefaults;

namespace KernelCI.Pipeline.Runtimes.Lava.Callback;

/// <summary>Which lab a callback's `Authorization` header belongs to. Upstream compares the raw header with each lab's
/// `runtime_token` and `callback_token` (kernelci/kernelci-pipeline:src/lava_callback.py); here the lab entries
/// (`lab_type: lava` or `pull_labs`) name those secrets, `NAME.runtime_token` and `NAME.callback_token` by default,
/// and their values live in the data folder's secrets.json (docs/labs.md). Secrets are looked up on each call, so a
/// token an operator adds is accepted without a restart.</summary>
internal sealed class LabTokens(PipelineConfig config, SecretStore secrets)
{
    private readonly List<(string Lab, string Key, string Secret)> _names = [.. config.Runtimes.Values
        .Where(r => r.LabType is "lava" or "pull_labs")
        .SelectMany(r => new[] { "runtime_token", "callback_token" }
            .Select(key => (r.Name, key, LabTokenName.Of(r, key))))];

    /// <summary>The labs whose runtime or callback token equals <paramref name="header"/> (labs may share a token).</summary>
    public IReadOnlyList<string> LabsOf(string header)
    {
        var labs = new List<string>();
        if (header.Length == 0)
        {
            return labs;
        }

        var given = Encoding.UTF8.GetBytes(header);
        // Every secret is compared, in constant time, so the reply time tells nothing about which came close.
        foreach (var (name, _, secret) in _names)
        {
            if (secrets.Find(secret) is { Length: > 0 } value && CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(value)))
            {
                if (!labs.Contains(name))
                {
                    labs.Add(name);
                }
            }
        }

        return labs;
    }

    /// <summary>The (lab, key, secret name) triples whose secret the data folder does not hold, for the start-up log.</summary>
    public IEnumerable<(string Lab, string Key, string Secret)> Missing() => _names.Where(n => secrets.Find(n.Secret) is null);
}
