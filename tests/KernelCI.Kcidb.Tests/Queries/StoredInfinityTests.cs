using KernelCI.Data;
using KernelCI.Kcidb.Tests.Store;
using KernelCI.Testing;

namespace KernelCI.Kcidb.Tests.Queries;

/// <summary>A number out of a double's range, stored before validation refused it, must not fail every reply that holds it.</summary>
public sealed class StoredInfinityTests
{
    private const string Objects = """
        "checkouts": [{"id": "o:c", "origin": "o"}],
        "builds": [{"id": "o:b", "origin": "o", "checkout_id": "o:c", "duration": 1e400}],
        "tests": [{"id": "o:t", "origin": "o", "build_id": "o:b", "duration": -1e400, "number": {"value": 1e400, "unit": "s"}}]
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Lists_and_queries_answer_with_the_infinite_field_left_out(DatabaseKind kind)
    {
        await using var api = await ApiContext.CreateAsync(kind);
        // Straight into the store, as the ingester wrote such a document before validation refused it.
        await api.IngestAsync(KcidbSamples.Submission("s", Objects));

        var builds = await api.GetJsonAsync("/api/builds");
        var tests = await api.GetJsonAsync("/api/tests");
        var query = await api.GetJsonAsync("/api/query?checkout=o:c&children=true");
        await api.GetJsonAsync("/api/builds/o:b/summary");
        await api.GetJsonAsync("/api/checkouts/o:c/summary");

        Assert.Null(builds["items"]![0]!["duration"]);
        Assert.Null(tests["items"]![0]!["duration"]);
        Assert.Equal("s", (string?)tests["items"]![0]!["number"]!["unit"]);
        Assert.Equal(["o:t"], ApiContext.Ids(query, "tests"));
    }
}
