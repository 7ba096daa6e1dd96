using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Git;
using Microsoft.Extensions.Configuration;

namespace KernelCI.Pipeline.Tests.Git;

public sealed class GitUrlPolicyTests
{
    private static readonly PipelineConfig Config = new()
    {
        Trees = new Dictionary<string, TreeConfig>
        {
            ["local"] = new("local", "file:///srv/linux.git"),
            ["plain"] = new("plain", "/srv/plain.git"),
        },
    };

    [Theory]
    [InlineData("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git")]
    [InlineData("file:///srv/linux.git")]
    [InlineData("/srv/plain.git")]
    public void Https_and_configured_tree_urls_are_accepted(string url) =>
        Assert.Null(new GitUrlPolicy(new GitOptions(), Config).Problem(url));

    [Theory]
    [InlineData("file:///etc")]
    [InlineData("file:///srv/linux.git/")]
    [InlineData("/srv/linux.git")]
    [InlineData("../linux")]
    [InlineData("http://git.example.org/linux.git")]
    [InlineData("git://git.example.org/linux.git")]
    [InlineData("ssh://git@git.example.org/linux.git")]
    [InlineData("git@git.example.org:linux.git")]
    [InlineData("ext::sh -c touch% /tmp/pwned")]
    [InlineData("--upload-pack=touch /tmp/pwned")]
    [InlineData("https://-oProxyCommand=x/linux.git")]
    [InlineData("https:/git.example.org/linux.git")]
    [InlineData("")]
    public void Other_urls_are_refused(string url) =>
        Assert.NotNull(new GitUrlPolicy(new GitOptions(), Config).Problem(url));

    [Fact]
    public void Extra_schemes_add_git_and_ssh()
    {
        var policy = new GitUrlPolicy(new GitOptions { ExtraSchemes = ["ssh", "git"] }, Config);

        Assert.Null(policy.Problem("ssh://git@git.example.org/linux.git"));
        Assert.Null(policy.Problem("git://git.example.org/linux.git"));
        Assert.NotNull(policy.Problem("file:///etc"));
        Assert.Equal("https:ssh:git", policy.ProtocolsFor("ssh://git@git.example.org/linux.git"));
    }

    [Theory]
    [InlineData("https://git.example.org/linux.git", "https")]
    [InlineData("file:///srv/linux.git", "https:file")]
    [InlineData("/srv/plain.git", "https:file")]
    [InlineData("file:///elsewhere", "https")]
    public void Only_a_configured_tree_url_may_use_its_own_transport(string url, string protocols) =>
        Assert.Equal(protocols, new GitUrlPolicy(new GitOptions(), Config).ProtocolsFor(url));

    [Fact]
    public void Git_settings_bind_from_the_pipeline_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pipeline:Git:ExtraSchemes:0"] = "ssh",
        }).Build();

        var options = configuration.GetSection("Pipeline").Get<PipelineOptions>()!;

        Assert.Equal(["ssh"], options.Git.ExtraSchemes);
    }

    [Theory]
    [InlineData("file")]
    [InlineData("http")]
    [InlineData("ext")]
    public void Unknown_extra_scheme_is_refused_naming_the_setting(string scheme)
    {
        var result = new GitOptionsValidator().Validate("Pipeline:Git", new GitOptions { ExtraSchemes = ["ssh", scheme] });

        Assert.StartsWith("Pipeline:Git:ExtraSchemes:1:", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_core_refuses_an_invalid_git_setting_at_start()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        var options = new PipelineOptions { Git = new GitOptions { ExtraSchemes = ["file"] } };

        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => services.AddPipelineCore(options, new PipelineConfig()));
    }
}
