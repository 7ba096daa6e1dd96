using System.Text.Json;

namespace KernelCI.Kcidb.Schema;

public static class KcidbDocuments
{
    /// <summary>Validates against the schema of the document's own version, upgrades to v5.3, and rejects duplicate ids.</summary>
    public static KcidbDocumentResult Process(JsonElement root) => throw new NotImplementedException();

    /// <summary>Validates against the schema of the document's own version only.</summary>
    public static KcidbDocumentResult Validate(JsonElement root) => throw new NotImplementedException();
}
