using KernelCI.Pipeline.Services.Patchwork;

namespace KernelCI.Pipeline.Tests.Services.Patchwork;

public sealed class PatchworkOptionsTests
{
    [Fact]
    public void Invalid_project_settings_are_refused_naming_their_keys()
    {
        var options = new PipelineOptions
        {
            Patchwork = new PatchworkOptions
            {
                ContextPrefix = "kernel ci",
                Projects = [new PatchworkProject { Url = "ftp://pw", Project = "", Tree = "t", Branch = "main", SubjectMatch = "([" }],
            },
        };

        var failures = new PipelineOptionsValidator().Validate("Pipeline", options).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("Pipeline:Patchwork:ContextPrefix:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Pipeline:Patchwork:Projects:0:Url: 'ftp://pw'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Pipeline:Patchwork:Projects:0:Project: is empty", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Pipeline:Patchwork:Projects:0:SubjectMatch:", StringComparison.Ordinal));
    }

    [Fact]
    public void Default_settings_are_valid()
    {
        Assert.True(new PipelineOptionsValidator().Validate("Pipeline", new PipelineOptions()).Succeeded);
    }
}
