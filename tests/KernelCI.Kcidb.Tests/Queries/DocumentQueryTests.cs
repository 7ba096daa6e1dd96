using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Kcidb.Tests.Queries;

public sealed class DocumentQueryTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Plain_query_returns_only_the_named_objects_in_a_v5_3_document(DatabaseKind kind)
    {
        await using var api = await ApiContext.CreateAsync(kind);
        await api.IngestAsync(TreeSample.Submission);

        var document = await api.GetJsonAsync("/api/query?build=o:b1&test=o:t3&test=o:missing");

        Assert.Equal(5, (int)document["version"]!["major"]!);
        Assert.Equal(3, (int)document["version"]!["minor"]!);
        Assert.Equal(["o:b1"], ApiContext.Ids(document, "builds"));
        Assert.Equal(["o:t3"], ApiContext.Ids(document, "tests"));
        Assert.Null(document["checkouts"]);
        Assert.Null(document["incidents"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Children_walk_down_from_a_checkout_to_builds_tests_and_their_incidents(DatabaseKind kind)
    {
        await using var api = await ApiContext.CreateAsync(kind);
        await api.IngestAsync(TreeSample.Submission);

        var document = await api.GetJsonAsync("/api/query?checkout=o:c1&children=true");

        Assert.Equal(["o:c1"], ApiContext.Ids(document, "checkouts"));
        Assert.Equal(["o:b1", "o:b2"], ApiContext.Ids(document, "builds"));
        Assert.Equal(["o:t1", "o:t2", "o:t3"], ApiContext.Ids(document, "tests"));
        Assert.Equal(["o:n1", "o:n2"], ApiContext.Ids(document, "incidents"));
        Assert.Null(document["issues"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Children_of_an_issue_version_are_its_incidents(DatabaseKind kind)
    {
        await using var api = await ApiContext.CreateAsync(kind);
        await api.IngestAsync(TreeSample.Submission);

        var document = await api.GetJsonAsync("/api/query?issue=o:i1&issue_version=2&children=true");

        Assert.Equal(["o:n2"], ApiContext.Ids(document, "incidents"));
        Assert.Equal(2, (int)document["issues"]!.AsArray().Single()!["version"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Parents_walk_up_from_an_incident_to_its_issue_test_build_and_checkout(DatabaseKind kind)
    {
        await using var api = await ApiContext.CreateAsync(kind);
        await api.IngestAsync(TreeSample.Submission);

        var document = await api.GetJsonAsync("/api/query?incident=o:n1&parents=true");

        Assert.Equal(["o:n1"], ApiContext.Ids(document, "incidents"));
        Assert.Equal(["o:t1"], ApiContext.Ids(document, "tests"));
        Assert.Equal(["o:b1"], ApiContext.Ids(document, "builds"));
        Assert.Equal(["o:c1"], ApiContext.Ids(document, "checkouts"));
        Assert.Equal(1, (int)document["issues"]!.AsArray().Single()!["version"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Parents_and_children_together_list_every_object_once(DatabaseKind kind)
    {
        await using var api = await ApiContext.CreateAsync(kind);
        await api.IngestAsync(TreeSample.Submission);

        var document = await api.GetJsonAsync("/api/query?test=o:t1&test=o:t2&parents=true&children=true");

        Assert.Equal(["o:c1"], ApiContext.Ids(document, "checkouts"));
        Assert.Equal(["o:b1", "o:b2"], ApiContext.Ids(document, "builds"));
        Assert.Equal(["o:t1", "o:t2", "o:t3"], ApiContext.Ids(document, "tests"));
        Assert.Equal(["o:n1", "o:n2"], ApiContext.Ids(document, "incidents"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Timestamp_is_returned_only_with_metadata(DatabaseKind kind)
    {
        await using var api = await ApiContext.CreateAsync(kind);
        await api.IngestAsync(TreeSample.Submission);

        var plain = await api.GetJsonAsync("/api/query?checkout=o:c1");
        var with = await api.GetJsonAsync("/api/query?checkout=o:c1&with_metadata=true");

        Assert.Null(plain["checkouts"]![0]!["_timestamp"]);
        Assert.Equal("2026-01-02T03:04:05.000000+00:00", (string?)with["checkouts"]![0]!["_timestamp"]);
    }
}
