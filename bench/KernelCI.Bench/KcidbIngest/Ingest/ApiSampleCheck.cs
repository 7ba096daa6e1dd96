using System.Text.Json;
using KernelCI.Bench.KcidbIngest.Dataset;

namespace KernelCI.Bench.KcidbIngest.Ingest;

/// <summary>Asks the query API for the last checkout uploaded with its children and compares the object counts with
/// what the generator put under it.</summary>
internal static class ApiSampleCheck
{
    public static async Task VerifyAsync(KcidbHttpClient client, DatasetGenerator generator, CancellationToken cancellationToken)
    {
        var family = CheckoutFamily.Of(generator, generator.Shape.Checkouts - 1);
        using var reply = await client.GetJsonAsync($"api/query?checkout={Uri.EscapeDataString(family.Id)}&children=true", cancellationToken);
        (string Section, long Expected)[] expected =
            [("checkouts", 1), ("builds", family.Builds), ("tests", family.Tests), ("incidents", family.Incidents)];
        var wrong = expected
            .Select(e => (e.Section, e.Expected, Actual: Count(reply.RootElement, e.Section)))
            .Where(e => e.Expected != e.Actual)
            .ToList();
        if (wrong.Count > 0)
        {
            throw new BenchFailure($"GET /api/query?checkout={family.Id}&children=true: " +
                string.Join(", ", wrong.Select(w => $"{w.Actual} {w.Section} instead of {w.Expected}")));
        }
    }

    private static long Count(JsonElement document, string section) =>
        document.TryGetProperty(section, out var items) && items.ValueKind == JsonValueKind.Array ? items.GetArrayLength() : 0;
}
