using System.Net;
using KernelCI.Client.Maestro;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Maestro.Tests.Nodes;

/// <summary>GET /viewer?node_id=ID, the page kci-dev's `maestro coverage` links to.</summary>
public sealed class NodeViewerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Node_page_shows_its_fields_parent_children_and_artifact_links(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var client = app.Client(await app.TokenAsync("alice"));
        var checkout = await client.CreateNodeAsync(SampleNodes.Checkout(), Ct);
        var kbuild = await client.CreateNodeAsync(SampleNodes.Child(checkout, "kbuild", "kbuild-gcc-x86") with
        {
            Artifacts = new Dictionary<string, string> { ["build_log"] = "https://storage.example.org/k/build.log" },
        }, Ct);
        var job = await client.CreateNodeAsync(SampleNodes.Child(kbuild, "job", "baseline-x86"), Ct);

        var (status, html) = await GetAsync(app, $"viewer?node_id={kbuild.Id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<title>kbuild kbuild-gcc-x86 {kbuild.Id}</title>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th>path</th><td>checkout / kbuild-gcc-x86</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"viewer?node_id={checkout.Id}\">{checkout.Id}</a>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"viewer?node_id={job.Id}\">baseline-x86</a> job running", html, StringComparison.Ordinal);
        Assert.Contains("build_log: <a href=\"https://storage.example.org/k/build.log\" rel=\"noreferrer\">", html, StringComparison.Ordinal);
        Assert.Contains("&quot;platform&quot;: &quot;qemu-x86&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stored_markup_is_escaped()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        var client = app.Client(await app.TokenAsync("alice"));
        var node = SampleNodes.Checkout();
        node.Data["note"] = "</pre><script>alert(1)</script>";
        var created = await client.CreateNodeAsync(node with
        {
            Name = "<img src=x onerror=alert(1)>",
            Artifacts = new Dictionary<string, string> { ["x\"><b>"] = "https://storage.example.org/a?b=1&c=2" },
        }, Ct);

        var (status, html) = await GetAsync(app, $"viewer?node_id={created.Id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("x&quot;&gt;&lt;b&gt;: <a href=\"https://storage.example.org/a?b=1&amp;c=2\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_forbids_scripts()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        var created = await app.Client(await app.TokenAsync("alice")).CreateNodeAsync(SampleNodes.Checkout(), Ct);

        using var response = await app.Http.GetAsync($"viewer?node_id={created.Id}", Ct);

        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("default-src 'none'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_node_is_a_404_page()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);

        var (status, html) = await GetAsync(app, "viewer?node_id=0123456789abcdef01234567");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("No node 0123456789abcdef01234567.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("viewer?node_id=%3Cb%3Exyz", "node_id: '&lt;b&gt;xyz' is not a node id")]
    [InlineData("viewer", "node_id: give one node id")]
    [InlineData("viewer?node_id=", "node_id: give one node id")]
    public async Task Malformed_or_missing_id_is_a_400_page_naming_node_id(string path, string message)
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);

        var (status, html) = await GetAsync(app, path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(html.Contains(message, StringComparison.Ordinal), html);
    }

    [Fact]
    public async Task Viewer_is_served_at_the_root_as_well_as_under_latest()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        var created = await app.Client(await app.TokenAsync("alice")).CreateNodeAsync(SampleNodes.Checkout(), Ct);

        var (status, html) = await GetAsync(app, $"/viewer?node_id={created.Id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(created.Id!, html, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(MaestroTestApp app, string path)
    {
        using var response = await app.Http.GetAsync(path, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
