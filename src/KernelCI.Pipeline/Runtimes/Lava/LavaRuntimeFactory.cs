using KernelCI.Pipeline.Config;
using Microsoft.Extensions.Options;

namespace KernelCI.Pipeline.Runtimes.Lava;

/// <summary>Makes lab_type lava runtimes. Their settings and tokens are checked here, when the scheduler loads its
/// runtimes at start: a wrong key or a missing secret stops the host with the key or the secret's name.</summary>
internal sealed class LavaRuntimeFactory(RuntimeContext context, LavaSecrets secrets, LavaHttp http) : IRuntimeFactory
{
    public string LabType => "lava";

    public IRuntime Create(RuntimeConfig config)
    {
        var errors = new List<string>();
        var lab = LavaLabSettings.Read(config, errors);
        string? token = null;
        if (lab.Url is not null && (token = secrets.Find(lab.RuntimeTokenName)) is null)
        {
            errors.Add($"runtimes.{config.Name}.runtime_token: no secret '{lab.RuntimeTokenName}' in the data folder's secrets.json");
        }

        if (lab.Notify is not null && lab.Notify.Url is null && context.Options.InstanceCallback is null)
        {
            errors.Add($"runtimes.{config.Name}.notify: Pipeline:InstanceCallback (or notify.callback.url) must give the callback URL");
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException("Pipeline", typeof(PipelineConfig), errors);
        }

        var client = new LavaRestClient(http.Client(lab.Url), config.Name, token ?? "");
        return new LavaRuntime(config, lab, client, context);
    }
}
