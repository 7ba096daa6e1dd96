using System.Formats.Tar;
using System.Text;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Services.Patchset;
using KernelCI.Pipeline.Tests.Git;
using KernelCI.Pipeline.Tests.Stack;
using KernelCI.Pipeline.Tests.Services.Tarball;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Tests.Services.Patchset;

internal static class PatchsetFixture
{
    public const string GoodPatch = """
        diff --git a/kernel/sched.c b/kernel/sched.c
        --- a/kernel/sched.c
        +++ b/kernel/sched.c
        @@ -1 +1 @@
        -int x;
        +int y;

        """;

    /// <summary>A real checkout made by the tarball service from a one-commit repository.</summary>
    public static async Task<MaestroNode> CheckoutAsync(PipelineTestStack stack, TestRepository repository)
    {
        var commit = await repository.CommitAsync("first", ("Makefile", TarballFixture.Makefile), ("kernel/sched.c", "int x;\n"));
        return await TarballFixture.CheckOutAsync(stack, repository.Url, commit);
    }

    public static async Task<string> UploadPatchAsync(PipelineTestStack stack, string patch, string name = "0001.patch")
    {
        var bytes = Encoding.UTF8.GetBytes(patch);
        await stack.Storage.UploadAsync("patchset/test", name, () => new MemoryStream(bytes));
        return new PublicUrls(stack.Options.StorageUrl!).For("patchset/test/" + name);
    }

    public static async Task<MaestroNode> PatchsetAsync(PipelineTestStack stack, MaestroNode parent, params string[] patchUrls)
    {
        var artifacts = patchUrls.Select((url, i) => (url, i)).ToDictionary(p => "patch" + p.i, p => p.url);
        return await stack.Maestro.CreateNodeAsync(new MaestroNode
        {
            Kind = "checkout",
            Name = "patchset",
            Path = ["checkout", "patchset"],
            Parent = parent.Id,
            Artifacts = artifacts,
            Data = new JsonObject { ["kernel_revision"] = parent.Data["kernel_revision"]?.DeepClone() },
        });
    }

    /// <summary>One poll of a patchset service; with the <paramref name="config"/> the checkout was made with (e.g.
    /// <see cref="TarballFixture.TreeConfig"/>) it finds the base in the git cache, else it takes the base's tarball.</summary>
    public static async Task<MaestroNode> PollAsync(PipelineTestStack stack, MaestroNode node, PatchsetOptions? options = null,
        PipelineConfig? config = null)
    {
        await Service(stack, options, config).PollAsync(TestContext.Current.CancellationToken);
        return (await stack.Maestro.GetNodeAsync(node.Id!))!;
    }

    /// <summary>One patchset service on the stack; it keeps its count of failed downloads from one poll to the next.</summary>
    public static PatchsetService Service(PipelineTestStack stack, PatchsetOptions? options = null, PipelineConfig? config = null) =>
        stack.Services(config ?? new PipelineConfig(), services =>
        {
            services.AddSingleton(options ?? new PatchsetOptions());
            PatchsetRegistration.Add(services);
        }).GetRequiredService<PatchsetService>();

    /// <summary>The text of the tarball entry whose path ends with <paramref name="suffix"/>.</summary>
    public static async Task<string> ReadEntryAsync(PipelineTestStack stack, string tarballUrl, string suffix)
    {
        using var reader = new TarReader(new MemoryStream(await TarballFixture.DownloadTarAsync(stack, tarballUrl)));
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            if (entry.Name.EndsWith(suffix, StringComparison.Ordinal) && entry.DataStream is { } data)
            {
                return await new StreamReader(data).ReadToEndAsync();
            }
        }

        throw new InvalidOperationException($"no {suffix} in {tarballUrl}");
    }
}
