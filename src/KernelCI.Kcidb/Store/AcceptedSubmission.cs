using System.Text.Json;

namespace KernelCI.Kcidb.Store;

/// <summary>A spooled submission that passed validation: its spool id and its v5.3 document.</summary>
public sealed record AcceptedSubmission(string Id, JsonElement Document);
