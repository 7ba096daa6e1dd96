using Microsoft.AspNetCore.Http;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Client.Storage;
using KernelCI.Pipeline.Git;
using KernelCI.Pipeline.Services.Tarball;
using KernelCI.Pipeline.Services.Tarball.Archive;
using Microsoft.Extensions.Logging.Abstractions;
using KernelCI.Pipeline.Tests.Git;
using KernelCI.Pipeline.Tests.Stack;
using static KernelCI.Pipeline.Tests.Services.Tarball.TarballFixture;

namespace KernelCI.Pipeline.Tests.Services.Tarball;

public sealed class TarballTests
{
    [Fact]
    public async Task Checkout_becomes_available_with_a_tarball_identical_to_git_archive()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        await repository.CommitAsync("first", ("Makefile", Makefile), ("kernel/sched.c", "int x;\n"), ("scripts/run.sh", "#!/bin/sh\n"));
        await repository.TagAsync("v6.1");
        File.CreateSymbolicLink(Path.Combine(repository.Directory, "kernel", "link.c"), "../README");
        File.SetUnixFileMode(Path.Combine(repository.Directory, "scripts", "run.sh"), (UnixFileMode)Convert.ToInt32("755", 8));
        var commit = await repository.CommitAsync("second", ("README", "hello\n"));
        var before = DateTime.UtcNow;

        var node = await CheckOutAsync(stack, repository.Url, commit);

        Assert.Equal(("available", "pass"), (node.State, node.Result));
        Assert.InRange(node.Holdoff!.Value, before.AddMinutes(9), DateTime.UtcNow.AddMinutes(11));
        var describe = Revision(node)["describe"]!.ToString();
        var name = $"linux-local-main-{describe}";
        Assert.Equal(stack.Options.StorageUrl + name + ".tar.gz", node.Artifacts["tarball"]);
        using var expected = new MemoryStream();
        await new GitRunner().StreamAsync(repository.Directory, ["archive", "--format=tar", $"--prefix={name}/", commit],
            (s, ct) => s.CopyToAsync(expected, ct), TestContext.Current.CancellationToken);
        var tar = await DownloadTarAsync(stack, node.Artifacts["tarball"]);
        Assert.Equal(expected.ToArray(), tar);
        var entries = Entries(tar);
        Assert.Contains(entries, e => e.Name == $"{name}/kernel/link.c" && e.LinkName == "../README");
        Assert.Contains(entries, e => e.Name == $"{name}/scripts/run.sh" && e.Executable);
    }

    [Fact]
    public async Task Every_file_has_the_commit_time_so_a_commit_always_gives_the_same_tarball()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        var commit = await repository.CommitAsync("first", ("Makefile", Makefile), ("kernel/sched.c", "int x;\n"));
        var commitTime = DateTimeOffset.FromUnixTimeSeconds(long.Parse(await repository.RunAsync("show", "-s", "--format=%ct", commit)));

        var first = await DownloadTarAsync(stack, (await CheckOutAsync(stack, repository.Url, commit)).Artifacts["tarball"]);
        var second = await DownloadTarAsync(stack, (await CheckOutAsync(stack, repository.Url, commit)).Artifacts["tarball"]);

        Assert.Equal(first, second);
        Assert.All(TarEntries(first), e => Assert.Equal(commitTime, e.ModificationTime));
    }

    [Fact]
    public async Task Revision_metadata_has_describe_version_tags_message_and_tip_of_branch()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        await repository.CommitAsync("first", ("Makefile", Makefile));
        await repository.TagAsync("v6.1");
        var commit = await repository.CommitAsync("second\n\nbody line", ("README", "hello\n"));
        var abbreviated = (await repository.RunAsync("rev-parse", "--short", commit)).Trim();

        var revision = Revision(await CheckOutAsync(stack, repository.Url, commit));

        Assert.Equal($"v6.1-1-g{abbreviated}", revision["describe"]!.ToString());
        var version = revision["version"]!;
        Assert.Equal((6, 1), ((int)version["version"]!, (int)version["patchlevel"]!));
        Assert.Null(version["sublevel"]);
        Assert.Equal($"-1-g{abbreviated}", version["extra"]!.ToString());
        Assert.Equal("Curry Ramen", version["name"]!.ToString());
        Assert.Empty(revision["commit_tags"]!.AsArray());
        Assert.Equal("second\n\nbody line", revision["commit_message"]!.ToString());
        Assert.True((bool)revision["tip_of_branch"]!);
    }

    [Fact]
    public async Task Tagged_commit_behind_the_branch_head_has_its_tag_a_sublevel_and_is_not_the_tip()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        var commit = await repository.CommitAsync("first", ("Makefile", Makefile));
        await repository.TagAsync("v6.1.3");
        await repository.CommitAsync("second", ("README", "hello\n"));

        var revision = Revision(await CheckOutAsync(stack, repository.Url, commit));

        Assert.Equal("v6.1.3", revision["describe"]!.ToString());
        Assert.Equal(3, (int)revision["version"]!["sublevel"]!);
        Assert.Equal("", revision["version"]!["extra"]!.ToString());
        Assert.Equal(["v6.1.3"], revision["commit_tags"]!.AsArray().Select(t => t!.ToString()));
        Assert.False((bool)revision["tip_of_branch"]!);
    }

    [Fact]
    public async Task Unknown_commit_fails_with_git_checkout_failure()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        await repository.CommitAsync("first", ("Makefile", Makefile));

        var node = await CheckOutAsync(stack, repository.Url, new string('d', 40));

        Assert.Equal(("done", "fail"), (node.State, node.Result));
        Assert.Equal("git_checkout_failure", node.Data["error_code"]!.ToString());
        Assert.Contains(new string('d', 40), node.Data["error_msg"]!.ToString());
    }

    [Fact]
    public async Task Storage_briefly_down_during_the_upload_is_retried()
    {
        await using var proxy = await FlakyProxy.StartAsync();
        var failures = 0;
        proxy.Refuse = request => request.Method == "POST" && request.Path.StartsWith("/v1/file", StringComparison.Ordinal)
            && Interlocked.Decrement(ref failures) >= 0 ? StatusCodes.Status503ServiceUnavailable : null;
        await using var stack = await PipelineTestStack.StartAsync(configure: o => o with { StorageUrl = proxy.Front(o.StorageUrl!) });
        using var repository = await TestRepository.CreateAsync();
        var commit = await repository.CommitAsync("first", ("Makefile", Makefile));
        Volatile.Write(ref failures, 2);

        var node = await CheckOutAsync(stack, repository.Url, commit);

        Assert.Equal(2, proxy.Refused);
        Assert.Equal(("available", "pass"), (node.State, node.Result));
        Assert.NotEmpty(await DownloadTarAsync(stack, node.Artifacts["tarball"]));
    }

    [Fact]
    public async Task Patchset_node_creation_is_left_to_the_patchset_service()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        var commit = await repository.CommitAsync("first", ("Makefile", Makefile));
        var revision = new JsonObject { ["tree"] = "local", ["url"] = repository.Url, ["branch"] = "main", ["commit"] = commit };
        var node = await stack.Maestro.CreateNodeAsync(new MaestroNode
        {
            Kind = "checkout",
            Name = "patchset",
            Path = ["checkout", "patchset"],
            Data = new JsonObject { ["kernel_revision"] = revision },
        });
        var data = new JsonObject { ["op"] = "created", ["id"] = node.Id, ["kind"] = "checkout", ["name"] = "patchset", ["state"] = "running" };

        await Service(stack).HandleAsync(new MaestroEvent(1, "node", "pipeline", data, "{}"), TestContext.Current.CancellationToken);

        Assert.Equal("running", (await stack.Maestro.GetNodeAsync(node.Id!))!.State);
    }

    [Fact]
    public async Task Failed_git_archive_fails_the_tarball_and_stores_nothing()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        await repository.CommitAsync("first", ("Makefile", Makefile));
        var tarball = Tarball(stack, cache: false);

        await Assert.ThrowsAsync<GitException>(() =>
            tarball.UploadAsync(repository.Directory, new string('e', 40), "linux-broken", TestContext.Current.CancellationToken));

        await Assert.ThrowsAsync<StorageClientException>(() => stack.Storage.DownloadAsync("linux-broken.tar.gz", new MemoryStream()));
        Assert.Empty(Directory.GetFiles(Path.Combine(stack.Options.WorkDirectory!, "tarball")));
    }

    [Fact]
    public async Task Unknown_commit_fails_the_cached_tarball_and_stores_nothing()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        await repository.CommitAsync("first", ("Makefile", Makefile));

        await Assert.ThrowsAsync<GitException>(() =>
            Tarball(stack, cache: true).UploadAsync(repository.Directory, new string('e', 40), "linux-broken", TestContext.Current.CancellationToken));

        await Assert.ThrowsAsync<StorageClientException>(() => stack.Storage.DownloadAsync("linux-broken.tar.gz", new MemoryStream()));
    }

    [Fact]
    public async Task Tree_with_export_attributes_gets_exactly_what_git_archive_gives()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        var commit = await repository.CommitAsync("subst", ("Makefile", Makefile), (".gitattributes", "version.h export-subst\n"), ("version.h", "$Format:%H$\n"));

        var node = await CheckOutAsync(stack, repository.Url, commit);

        var name = $"linux-local-main-{Revision(node)["describe"]}";
        using var expected = new MemoryStream();
        await new GitRunner().StreamAsync(repository.Directory, ["archive", "--format=tar", $"--prefix={name}/", commit],
            (s, ct) => s.CopyToAsync(expected, ct), TestContext.Current.CancellationToken);
        var tar = await DownloadTarAsync(stack, node.Artifacts["tarball"]);
        Assert.Equal(expected.ToArray(), tar);
        Assert.Contains(Entries(tar), e => e.Name.EndsWith("/version.h", StringComparison.Ordinal) && e.Content == commit + "\n");
    }

    private static SourceTarball Tarball(PipelineTestStack stack, bool cache) =>
        new(new GitRunner(), stack.Storage, stack.Options with { Tarball = new TarballOptions { Cache = cache } }, new IncrementalArchive(new GitRunner()),
            NullLogger<SourceTarball>.Instance);
}
