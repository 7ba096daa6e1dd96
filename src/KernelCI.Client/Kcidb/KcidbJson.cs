using System.Text.Json;

namespace KernelCI.Client.Kcidb;

internal static class KcidbJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
