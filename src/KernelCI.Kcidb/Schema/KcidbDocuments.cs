using System.Text.Json;
using KernelCI.Kcidb.Schema.Upgrade;
using KernelCI.Kcidb.Schema.Validation;

namespace KernelCI.Kcidb.Schema;

public static class KcidbDocuments
{
    /// <summary>Validates against the schema of the document's own version, upgrades to v5.3, and rejects duplicate ids.</summary>
    public static KcidbDocumentResult Process(JsonElement root)
    {
        var errors = Validate(root, out var version);
        if (errors.Count > 0)
        {
            return new KcidbDocumentResult(root, errors);
        }

        var document = root;
        if (version != KcidbVersion.Latest)
        {
            if (KcidbUpgrader.Upgrade(root, version, out var error) is not { } upgraded)
            {
                return new KcidbDocumentResult(root, [error!]);
            }

            // A safety net: upstream asserts the same when not running with light asserts.
            var context = new ValidationContext();
            KcidbSchemas.For(KcidbVersion.Latest).Validate(upgraded, context);
            if (context.Errors.Count > 0)
            {
                return new KcidbDocumentResult(root, [.. context.Errors.Select(e => $"after the upgrade from v{version} to v{KcidbVersion.Latest}: {e}")]);
            }

            document = upgraded;
        }

        return new KcidbDocumentResult(document, DuplicateIds.Find(document));
    }

    /// <summary>Validates against the schema of the document's own version only.</summary>
    public static KcidbDocumentResult Validate(JsonElement root) => new(root, Validate(root, out _));

    private static IReadOnlyList<string> Validate(JsonElement root, out KcidbVersion version)
    {
        if (!VersionReader.TryRead(root, out version, out var error))
        {
            return [error!];
        }

        var context = new ValidationContext();
        KcidbSchemas.For(version).Validate(root, context);
        return context.Errors;
    }
}
