using System.Text.Json.Nodes;

namespace KernelCI.Dashboard.Web.Tests.Live;

internal sealed record SseEvent(string? Id, string Type, JsonNode Data)
{
    public long Count(string kind, string status) => Data[kind]![status]!.GetValue<long>();
}
