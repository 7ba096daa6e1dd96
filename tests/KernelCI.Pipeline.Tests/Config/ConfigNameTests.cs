using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Tests.Config;

/// <summary>Tree and job names become folder names (git cache, work folders, storage folders): only plain names load.</summary>
public sealed class ConfigNameTests
{
    [Theory]
    [InlineData("'../x'")]
    [InlineData("'..'")]
    [InlineData("'-o'")]
    [InlineData("'/srv/x'")]
    [InlineData("'a b'")]
    public void Tree_name_that_is_not_a_plain_name_is_refused_naming_it(string name)
    {
        using var dir = new ConfigDirectory(("trees.yaml", $"trees: {{{name}: {{url: 'https://git.example.org/linux.git'}}}}"));

        var error = Assert.Throws<PipelineConfigException>(() => PipelineConfigLoader.Load(dir.Path));

        Assert.Equal("trees.yaml", error.File);
        Assert.StartsWith("trees.", error.Key, StringComparison.Ordinal);
        Assert.Contains("is not a tree name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Job_name_that_is_not_a_plain_name_is_refused_naming_it()
    {
        using var dir = new ConfigDirectory(("jobs.yaml", "jobs: {'../../x': {kind: job, template: baseline.jinja2}}"));

        var error = Assert.Throws<PipelineConfigException>(() => PipelineConfigLoader.Load(dir.Path));

        Assert.Equal("jobs.../../x", error.Key);
    }
}
