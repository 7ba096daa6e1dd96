using KernelCI.Pipeline.Api;
using KernelCI.Pipeline.Git;
using KernelCI.Pipeline.Services.Patchset;
using KernelCI.Pipeline.Services.SendKcidb;
using KernelCI.Pipeline.Services.Timeout;
using KernelCI.Pipeline.Services.Trigger;
using Microsoft.Extensions.Options;

namespace KernelCI.Pipeline;

/// <summary>Checks the "Pipeline" section and its sub-sections; every failure names its key as `Pipeline:Sub:Key`
/// (docs/configuration.md lists them). The pipeline component runs it through AddComponentOptions; a host running
/// pipeline services without a component (`kernelci pipeline NAME`) runs it through
/// <see cref="PipelineCore.AddPipelineCore"/>.</summary>
public sealed class PipelineOptionsValidator : IValidateOptions<PipelineOptions>
{
    public ValidateOptionsResult Validate(string? name, PipelineOptions options)
    {
        var section = string.IsNullOrEmpty(name) ? "Pipeline" : name;
        var failures = new List<string>();
        void Add(ValidateOptionsResult result) => failures.AddRange(result.Failures ?? []);
        Add(new BridgeOptionsValidator().Validate($"{section}:Bridge", options.Bridge));
        Add(new TriggerOptionsValidator().Validate($"{section}:Trigger", options.Trigger));
        Add(new TimeoutOptionsValidator().Validate($"{section}:Timeout", options.Timeout));
        Add(new GitOptionsValidator().Validate($"{section}:Git", options.Git));
        Add(new PatchsetOptionsValidator().Validate($"{section}:Patchset", options.Patchset));
        Add(new Services.Patchwork.PatchworkOptionsValidator().Validate($"{section}:Patchwork", options.Patchwork));
        Add(new Services.Nipa.NipaOptionsValidator().Validate($"{section}:Nipa", options.Nipa));
        Add(new ApiOptionsValidator().Validate($"{section}:Api", options.Api));
        if (options.Regressions.Validate() is { } regressions)
        {
            failures.Add(regressions);
        }

        if (options.Kbuild.Validate() is { } kbuild)
        {
            failures.Add(kbuild);
        }

        if (options.InstanceCallback is { } callback
            && (!Uri.TryCreate(callback, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
        {
            failures.Add($"{section}:InstanceCallback: '{callback}' is not an http(s) URL");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every failure, as AddComponentOptions does.</summary>
    public static void ThrowIfInvalid(PipelineOptions options)
    {
        var result = new PipelineOptionsValidator().Validate("Pipeline", options);
        if (result.Failed)
        {
            throw new OptionsValidationException("Pipeline", typeof(PipelineOptions), result.Failures);
        }
    }
}
