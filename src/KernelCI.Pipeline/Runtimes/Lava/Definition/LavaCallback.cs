using YamlDotNet.Serialization;

namespace KernelCI.Pipeline.Runtimes.Lava.Definition;

/// <summary>notify.callback: LAVA POSTs the finished job here, with the secret of the submitter's token whose
/// description is <see cref="Token"/> in the Authorization header (docs/labs.md).</summary>
internal sealed record LavaCallback(
    [property: YamlMember(Alias = "content-type", ApplyNamingConventions = false)] string ContentType,
    string Dataset,
    string Method,
    string? Token,
    string Url);
