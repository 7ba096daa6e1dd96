using KernelCI.Pipeline.Tests.Git;
using KernelCI.Pipeline.Tests.Stack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using static KernelCI.Pipeline.Tests.Services.Trigger.TriggerFixture;

namespace KernelCI.Pipeline.Tests.Services.Trigger;

public sealed class NipaBranchTests
{
    [Fact]
    public async Task Http_branch_polls_the_newest_branch_of_the_nipa_list()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync("net-next-2024-05-01--00-00");
        await repository.CommitAsync("old", ("a", "a\n"));
        await repository.RunAsync("branch", "net-next-2024-05-02--12-00");
        await repository.RunAsync("checkout", "--quiet", "net-next-2024-05-02--12-00");
        var newest = await repository.CommitAsync("new", ("b", "b\n"));
        await using var nipa = await ServeAsync("""
            [{"branch": "net-next-2024-05-01--00-00", "date": "2024-05-01T00:00:00"},
             {"branch": "net-next-2024-05-02--12-00", "date": "2024-05-02T12:00:00"},
             {"branch": "net-next-2024-04-30--00-00", "date": "2024-04-30T00:00:00"}]
            """);

        await NewTrigger(stack, TreesConfig(("netdev", repository.Url, nipa.Urls.First() + "/branches.json", null)))
            .PollAsync(TestContext.Current.CancellationToken);

        var checkout = Assert.Single(await CheckoutsAsync(stack));
        Assert.Equal("net-next-2024-05-02--12-00", checkout.Data["kernel_revision"]!["branch"]!.ToString());
        Assert.Equal(newest, checkout.Data["kernel_revision"]!["commit"]!.ToString());
    }

    private static async Task<WebApplication> ServeAsync(string json)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/branches.json", () => Microsoft.AspNetCore.Http.Results.Text(json, "application/json"));
        await app.StartAsync();
        return app;
    }
}
