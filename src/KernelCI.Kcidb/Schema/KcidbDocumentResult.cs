using System.Text.Json;

namespace KernelCI.Kcidb.Schema;

/// <summary>A document checked (and upgraded) by <see cref="KcidbDocuments"/>: the v5.3 document, or why it was refused.</summary>
public sealed record KcidbDocumentResult(JsonElement Document, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
