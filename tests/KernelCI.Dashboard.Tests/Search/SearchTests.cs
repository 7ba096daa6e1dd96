using System.Net;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Search;

public sealed class SearchTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Full_commit_hash_finds_its_checkout_with_the_tree_page(DatabaseKind kind)
    {
        await using var app = await SearchApp.StartAsync(kind);

        var hits = await app.HitsAsync(SearchSeed.HashC1);

        var hit = Assert.Single(hits);
        Assert.Equal("checkout", (string?)hit!["kind"]);
        Assert.Equal("maestro:c1", (string?)hit["id"]);
        Assert.Equal("exact", (string?)hit["match"]);
        Assert.Equal("git_commit_hash", (string?)hit["field"]);
        Assert.Equal($"http://localhost/tree/mainline/master/{SearchSeed.HashC1}", (string?)hit["url"]);
        Assert.Equal("2026-01-01T00:00:00Z", (string?)hit["start_time"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Abbreviated_hash_finds_checkouts_and_maestro_ids_newest_first(DatabaseKind kind)
    {
        await using var app = await SearchApp.StartAsync(kind);

        var hits = await app.HitsAsync("ABCD");

        Assert.Equal(["build:maestro:abcd0001", "checkout:maestro:c2", "checkout:maestro:c1"], hits.Ids());
        Assert.All(hits, h => Assert.Equal("prefix", (string?)h!["match"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Fewer_than_four_hex_digits_are_no_hash(DatabaseKind kind)
    {
        await using var app = await SearchApp.StartAsync(kind);

        Assert.Empty(await app.HitsAsync("abc"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tag_finds_the_tagged_checkout_before_describes_that_start_with_it(DatabaseKind kind)
    {
        await using var app = await SearchApp.StartAsync(kind);

        var hits = await app.HitsAsync("v6.14");

        Assert.Equal(["checkout:maestro:c2", "checkout:maestro:c1"], hits.Ids());
        Assert.Equal("git_commit_tags", (string?)hits[0]!["field"]);
        Assert.Equal("exact", (string?)hits[0]!["match"]);
        Assert.Equal("git_commit_name", (string?)hits[1]!["field"]);
        Assert.Equal("prefix", (string?)hits[1]!["match"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Git_describe_finds_its_checkout(DatabaseKind kind)
    {
        await using var app = await SearchApp.StartAsync(kind);

        var hits = await app.HitsAsync("v6.14-rc3-12-gabcdef012345");

        var hit = Assert.Single(hits);
        Assert.Equal("maestro:c1", (string?)hit!["id"]);
        Assert.Equal("git_commit_name", (string?)hit["field"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_is_found_by_its_maestro_node_id_alone(DatabaseKind kind)
    {
        await using var app = await SearchApp.StartAsync(kind);

        var hits = await app.HitsAsync("b1");

        var hit = Assert.Single(hits);
        Assert.Equal("maestro:b1", (string?)hit!["id"]);
        Assert.Equal("exact", (string?)hit["match"]);
        Assert.Equal("x86_64 defconfig", (string?)hit["title"]);
        Assert.Equal("http://localhost/build/maestro%3Ab1", (string?)hit["url"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Checkout_is_found_by_its_id(DatabaseKind kind)
    {
        await using var app = await SearchApp.StartAsync(kind);

        var hits = await app.HitsAsync("maestro:c3");

        var hit = Assert.Single(hits);
        Assert.Equal("checkout:maestro:c3", $"{hit!["kind"]}:{hit["id"]}");
        Assert.Equal("id", (string?)hit["field"]);
        Assert.Equal($"http://localhost/tree/next/master/{SearchSeed.HashC3}", (string?)hit["url"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Exact_id_ranks_before_a_newer_id_it_prefixes(DatabaseKind kind)
    {
        await using var app = await SearchApp.StartAsync(kind);

        var hits = await app.HitsAsync("maestro:t3");

        Assert.Equal(["test:maestro:t3", "test:maestro:t30"], hits.Ids());
        Assert.Equal("http://localhost/test/maestro%3At3", (string?)hits[0]!["url"]);
        Assert.Equal("kselftest.cpufreq.main", (string?)hits[0]!["title"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Ids_rank_before_exact_names_before_name_prefixes(DatabaseKind kind)
    {
        await using var app = await SearchApp.StartAsync(kind);

        var hits = await app.HitsAsync("next");

        Assert.Equal(["build:next:b9", "tree:next/master", "checkout:maestro:c3"], hits.Ids());
        Assert.Equal("http://localhost/tree/next/master", (string?)hits[1]!["url"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Issue_is_one_hit_named_by_its_newest_version(DatabaseKind kind)
    {
        await using var app = await SearchApp.StartAsync(kind);

        var hits = await app.HitsAsync("maestro:i1");

        var hit = Assert.Single(hits);
        Assert.Equal("issue", (string?)hit!["kind"]);
        Assert.Equal("new words", (string?)hit["title"]);
        Assert.Equal("http://localhost/issue/maestro%3Ai1", (string?)hit["url"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tree_name_prefix_finds_each_branch_of_the_tree(DatabaseKind kind)
    {
        await using var app = await SearchApp.StartAsync(kind);

        var hits = await app.HitsAsync("stable");

        var hit = Assert.Single(hits);
        Assert.Equal("tree:stable-rc/linux-6.1.y", $"{hit!["kind"]}:{hit["id"]}");
        Assert.Equal("http://localhost/tree/stable-rc/linux-6.1.y", (string?)hit["url"]);
        Assert.Equal("2026-01-02T00:00:00Z", (string?)hit["start_time"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Test_path_prefix_finds_distinct_paths_each_linking_its_newest_test(DatabaseKind kind)
    {
        await using var app = await SearchApp.StartAsync(kind);

        var hits = await app.HitsAsync("kselftest.");

        Assert.Equal(["test_path:kselftest.timers.posix", "test_path:kselftest.cpufreq.main"], hits.Ids());
        Assert.Equal("http://localhost/test/maestro%3At3", (string?)hits[1]!["url"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Limit_keeps_the_best_hits(DatabaseKind kind)
    {
        await using var app = await SearchApp.StartAsync(kind);

        var hits = await app.HitsAsync("abcd", "&limit=1");

        Assert.Equal(["build:maestro:abcd0001"], hits.Ids());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Nothing_found_is_200_with_no_hits(DatabaseKind kind)
    {
        await using var app = await SearchApp.StartAsync(kind);

        var (status, body) = await app.GetAsync("/api/search?q=" + Uri.EscapeDataString("no such thing' OR 1=1 --%_"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(body!["hits"]!.AsArray());
    }

    [Fact]
    public async Task Public_url_is_the_base_of_every_link()
    {
        await using var app = await SearchApp.StartAsync(DatabaseKind.Sqlite, new DashboardOptions { PublicUrl = "https://dashboard.example.org/" });

        var hits = await app.HitsAsync("maestro:b1");

        Assert.Equal("https://dashboard.example.org/build/maestro%3Ab1", (string?)Assert.Single(hits)!["url"]);
    }

    [Theory]
    [InlineData("/api/search", "q")]
    [InlineData("/api/search?q=%20%20", "q")]
    [InlineData("/api/search?q=abcd&limit=0", "limit")]
    [InlineData("/api/search?q=abcd&limit=101", "limit")]
    [InlineData("/api/search?q=abcd&limit=ten", "limit")]
    public async Task Bad_parameters_are_400_naming_them(string path, string parameter)
    {
        await using var app = await SearchApp.StartAsync(DatabaseKind.Sqlite);

        var (status, body) = await app.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(parameter + ":", (string?)body!["error"]);
    }

    [Fact]
    public async Task Query_longer_than_200_characters_is_400()
    {
        await using var app = await SearchApp.StartAsync(DatabaseKind.Sqlite);

        var (status, body) = await app.GetAsync("/api/search?q=" + new string('a', 201));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("q:", (string?)body!["error"]);
    }
}
