using KernelCI.Kcidb.Schema.Validation;
using static KernelCI.Kcidb.Tests.Schema.Documents;

namespace KernelCI.Kcidb.Tests.Schema;

public sealed class UriFormatTests
{
    [Theory]
    [InlineData("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git")]
    [InlineData("https://user:pw@example.com:8080/a/b;c?q=1&r=%2F#frag/x?y")]
    [InlineData("http://[::1]/x")]
    [InlineData("http://[2001:db8::7]:80")]
    [InlineData("http://[v1.fe80::a+en1]/")]
    [InlineData("http://192.168.0.1/")]
    [InlineData("mailto:someone@example.com")]
    [InlineData("urn:isbn:0451450523")]
    [InlineData("file:///tmp/x")]
    [InlineData("http://")]
    [InlineData("x:")]
    [InlineData("https://example.com/a\n")]
    public void Accepts(string value)
    {
        Assert.True(AbsoluteUriFormat.IsValid(value));
    }

    [Theory]
    [InlineData("not a uri")]
    [InlineData("/relative/path")]
    [InlineData("example.com/x")]
    [InlineData("1http://example.com")]
    [InlineData("https://example.com/a b")]
    [InlineData("https://example.com/%zz")]
    [InlineData("https://example.com/%2")]
    [InlineData("https://example.com:80a/")]
    [InlineData("https://a@b@example.com/")]
    [InlineData("https://[::g]/")]
    [InlineData("https://[1:2:3:4:5:6:7:8:9]/")]
    [InlineData("https://example.com/#a#b")]
    [InlineData("https://exämple.com/")]
    [InlineData("https://example.com/\\x")]
    [InlineData("https://example.com/{x}")]
    public void Rejects(string value)
    {
        Assert.False(AbsoluteUriFormat.IsValid(value));
    }

    [Fact]
    public void Invalid_uri_in_a_nested_resource_names_the_field()
    {
        var result = Process(WithBuild("""  "output_files": [{"name": "a", "url": "not a uri"}]"""));

        AssertSingleError(result, "builds[0].output_files[0].url: \"not a uri\" is not a valid uri");
    }
}
