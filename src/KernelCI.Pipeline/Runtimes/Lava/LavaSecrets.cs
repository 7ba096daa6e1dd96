using KernelCI.ServiceDefaults;

namespace KernelCI.Pipeline.Runtimes.Lava;

/// <summary>The labs' tokens, by the names the lab configuration gives: read from the data folder's secrets.json,
/// never made up (a random token would only be refused by the lab).</summary>
internal sealed class LavaSecrets(Func<string, string?> find)
{
    public LavaSecrets(SecretStore? store)
        : this(name => store?.Find(name))
    {
    }

    public string? Find(string name) => find(name);
}
