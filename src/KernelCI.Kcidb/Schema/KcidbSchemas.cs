using System.Text.Json;
using KernelCI.Kcidb.Schema.Validation;

namespace KernelCI.Kcidb.Schema;

/// <summary>The embedded upstream schemas, each compiled once, on first use.</summary>
internal static class KcidbSchemas
{
    private static readonly Dictionary<KcidbVersion, Lazy<SchemaNode>> Compiled =
        KcidbVersion.Supported.ToDictionary(v => v, v => new Lazy<SchemaNode>(() => Load(v)));

    public static SchemaNode For(KcidbVersion version) => Compiled[version].Value;

    private static SchemaNode Load(KcidbVersion version)
    {
        var name = $"kcidb.v{version}.schema.json";
        using var stream = typeof(KcidbSchemas).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The schema resource {name} is missing from the assembly");
        using var document = JsonDocument.Parse(stream);
        return SchemaCompiler.Compile(document.RootElement);
    }
}
