using System.Text.Json;
using KernelCI.Bench.KcidbIngest.Dataset;

namespace KernelCI.Bench.KcidbIngest.Ingest;

/// <summary>Asks the query API for the last checkout uploaded with its children and compares the object counts with
/// what the generator put under it.</summary>
internal static class ApiSampleCheck
{
    public static async Task VerifyAsync(KcidbHttpClient client, DatasetGenerator generator, CancellationToken cancellationToken)
    {
        var checkout = generator.Shape.Checkouts - 1;
        var expected = Expected(generator, checkout);
        var id = generator.Ids.NodeId(ObjectKind.Checkout, checkout);
        using var reply = await client.GetJsonAsync($"api/query?checkout={Uri.EscapeDataString(id)}&children=true", cancellationToken);
        var wrong = expected
            .Select(e => (Section: e.Key, Expected: e.Value, Actual: Count(reply.RootElement, e.Key)))
            .Where(e => e.Expected != e.Actual)
            .ToList();
        if (wrong.Count > 0)
        {
            throw new BenchFailure($"GET /api/query?checkout={id}&children=true: " +
                string.Join(", ", wrong.Select(w => $"{w.Actual} {w.Section} instead of {w.Expected}")));
        }
    }

    private static Dictionary<string, long> Expected(DatasetGenerator generator, int checkout)
    {
        var layout = generator.Layout;
        var firstBuild = layout.FirstBuildOf(checkout);
        var builds = layout.BuildCountOf(checkout);
        var firstTest = layout.FirstTestOf(firstBuild);
        var endTest = firstBuild + builds < generator.Shape.Builds ? layout.FirstTestOf(firstBuild + builds) : generator.Shape.Tests;
        var incidents = Enumerable.Range(0, generator.Shape.Incidents)
            .Select(generator.IncidentTarget)
            .Count(t => t.IsBuild ? t.Index >= firstBuild && t.Index < firstBuild + builds : t.Index >= firstTest && t.Index < endTest);
        return new Dictionary<string, long>
        {
            ["checkouts"] = 1,
            ["builds"] = builds,
            ["tests"] = endTest - firstTest,
            ["incidents"] = incidents,
        };
    }

    private static long Count(JsonElement document, string section) =>
        document.TryGetProperty(section, out var items) && items.ValueKind == JsonValueKind.Array ? items.GetArrayLength() : 0;
}
