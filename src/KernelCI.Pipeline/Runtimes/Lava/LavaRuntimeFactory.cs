using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Runtimes.Lava;

/// <summary>Makes lab_type lava runtimes. Their settings and tokens are checked here too, when the scheduler loads its
/// runtimes at start (<see cref="LavaLabCheck"/>): a wrong key or a missing secret stops the host with the key or the
/// secret's name.</summary>
internal sealed class LavaRuntimeFactory(RuntimeContext context, LavaSecrets secrets, LavaHttp http) : IRuntimeFactory
{
    public string LabType => "lava";

    public IRuntime Create(RuntimeConfig config)
    {
        var errors = new List<string>();
        var (lab, token) = LavaLabCheck.Read(config, context.Config, context.Options, secrets, errors);
        LavaLabCheck.Throw(errors);
        var client = new LavaRestClient(http.Client(lab.Url), config.Name, token ?? "");
        return new LavaRuntime(config, lab, client, context);
    }
}
