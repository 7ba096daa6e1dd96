using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace KernelCI.Pipeline.Runtimes.Lava.Definition;

/// <summary>Writes job definitions as YAML: snake_case keys unless a member names its own, unset members left out.</summary>
internal static class LavaYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .DisableAliases()
        .Build();

    public static string Write(LavaJob job) => Serializer.Serialize(job);
}
