using KernelCI.Host.Kcidb;

namespace KernelCI.Host.Tests.Kcidb;

public sealed class KcidbEndpointTests
{
    [Theory]
    [InlineData("https://TOKEN@db.example.org", "https://db.example.org/")]
    [InlineData("https://TOKEN@db.example.org/submit", "https://db.example.org/")]
    [InlineData("http://TOKEN@127.0.0.1:8003/kcidb/submit", "http://127.0.0.1:8003/kcidb/")]
    public void Token_in_the_url_is_taken_out_and_the_submit_path_becomes_the_base(string url, string expectedBase)
    {
        var endpoint = KcidbEndpoint.Resolve(url, null, out var error);

        Assert.NotNull(endpoint);
        Assert.Equal(expectedBase, endpoint.BaseAddress.ToString());
        Assert.Equal("TOKEN", endpoint.Token);
        Assert.Empty(error);
    }

    [Fact]
    public void Explicit_token_wins_over_the_one_in_the_url()
    {
        var endpoint = KcidbEndpoint.Resolve("https://old@db.example.org", "new", out _);

        Assert.Equal("new", endpoint!.Token);
    }

    [Theory]
    [InlineData("ftp://x@host", "--url")]
    [InlineData("https://db.example.org", "--token")]
    public void Unusable_url_or_missing_token_is_named(string url, string option)
    {
        Assert.Null(KcidbEndpoint.Resolve(url, null, out var error));
        Assert.StartsWith(option, error, StringComparison.Ordinal);
    }
}
