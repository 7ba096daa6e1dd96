using System.Text.Json.Nodes;

namespace KernelCI.Client.Dashboard;

/// <summary>One answer of a paged list request: the body as the server sent it, and the cursor of the next page from
/// the `X-Next-Cursor` header, null on the last page (docs/dashboard-api.md, "Paging"). A server without paging
/// (upstream's) ignores `limit` and sends no header: its first answer is then the whole, complete list.</summary>
public sealed record DashboardPage(JsonNode Body, string? NextCursor);
