using KernelCI.KciDev.Submit;

namespace KernelCI.KciDev.Tests.Submit;

/// <summary>`KCIDB_REST=https://TOKEN@host[/path]` as upstream parses it (kernelci/kci-dev:kcidev/libs/kcidb.py).</summary>
public sealed class KcidbTargetTests
{
    [Theory]
    [InlineData("https://tok@kcidb.example.org", "https://kcidb.example.org/submit")]
    [InlineData("https://tok@kcidb.example.org/", "https://kcidb.example.org/submit")]
    [InlineData("https://tok@kcidb.example.org:8443/api/", "https://kcidb.example.org:8443/api/submit")]
    [InlineData("https://tok:pw@kcidb.example.org/submit", "https://kcidb.example.org/submit")]
    public void Variable_loses_its_credentials_and_ends_in_submit(string variable, string url)
    {
        var target = KcidbTarget.FromVariable(variable);

        Assert.Equal(new KcidbTarget(new Uri(url), "tok"), target);
    }

    [Theory]
    [InlineData("https://kcidb.example.org/submit")]
    [InlineData("not a url")]
    public void Variable_without_a_token_is_not_a_target(string variable) => Assert.Null(KcidbTarget.FromVariable(variable));
}
