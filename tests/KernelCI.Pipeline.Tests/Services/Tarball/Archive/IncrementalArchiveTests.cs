using KernelCI.Pipeline.Git;
using KernelCI.Pipeline.Services.Tarball.Archive;
using KernelCI.Pipeline.Tests.Git;
using static KernelCI.Pipeline.Tests.Services.Tarball.Archive.ArchiveRepository;

namespace KernelCI.Pipeline.Tests.Services.Tarball.Archive;

public sealed class IncrementalArchiveTests : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("kernelci-pieces-").FullName;

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    [Fact]
    public async Task Archive_unpacks_to_the_bytes_of_git_archive_with_long_paths_links_modes_and_a_submodule()
    {
        using var repository = await TestRepository.CreateAsync();
        var commit = await CommitEverythingAsync(repository);

        var (_, tar) = await BuildAsync(repository, _cache, commit);

        Assert.Equal(await GitArchiveAsync(repository, commit), tar);
    }

    [Fact]
    public async Task Second_commit_compresses_only_the_file_it_changed()
    {
        using var repository = await TestRepository.CreateAsync();
        var first = await CommitEverythingAsync(repository);
        var (cold, _) = await BuildAsync(repository, _cache, first);
        var second = await repository.CommitAsync("change", ("kernel/sched.c", "int y;\n"));

        var (warm, tar) = await BuildAsync(repository, _cache, second);

        Assert.Equal(1, warm.Compressed);
        Assert.Equal(cold.Compressed - 1, warm.Reused);
        Assert.Equal(await GitArchiveAsync(repository, second), tar);
    }

    [Fact]
    public async Task Cache_is_kept_on_disk_for_the_next_process()
    {
        using var repository = await TestRepository.CreateAsync();
        var commit = await CommitEverythingAsync(repository);
        await BuildAsync(repository, _cache, commit);

        var (again, tar) = await BuildAsync(repository, _cache, commit);

        Assert.Equal(0, again.Compressed);
        Assert.Equal(await GitArchiveAsync(repository, commit), tar);
    }

    [Fact]
    public async Task Torn_index_entry_is_ignored_and_the_archive_is_still_exact()
    {
        using var repository = await TestRepository.CreateAsync();
        var commit = await CommitEverythingAsync(repository);
        var (cold, _) = await BuildAsync(repository, _cache, commit);
        await File.AppendAllTextAsync(Path.Combine(_cache, "index"), "\u0028abc", TestContext.Current.CancellationToken);

        var (again, tar) = await BuildAsync(repository, _cache, commit);

        Assert.Equal((0, cold.Compressed), (again.Compressed, again.Reused));
        Assert.Equal(await GitArchiveAsync(repository, commit), tar);
    }

    [Fact]
    public async Task Index_entries_past_the_end_of_the_data_are_dropped_and_recompressed()
    {
        using var repository = await TestRepository.CreateAsync();
        var commit = await CommitEverythingAsync(repository);
        var (cold, _) = await BuildAsync(repository, _cache, commit);
        var pieces = Path.Combine(_cache, "pieces");
        using (var file = new FileStream(pieces, FileMode.Open))
        {
            file.SetLength(file.Length / 2);
        }

        var (again, tar) = await BuildAsync(repository, _cache, commit);

        Assert.InRange(again.Compressed, 1, cold.Compressed);
        Assert.Equal(await GitArchiveAsync(repository, commit), tar);
    }

    [Fact]
    public async Task Export_attributes_are_left_to_git_archive()
    {
        using var repository = await TestRepository.CreateAsync();
        var commit = await repository.CommitAsync("subst", (".gitattributes", "version.h export-subst\n"), ("version.h", "$Format:%H$\n"));

        var failure = await Assert.ThrowsAsync<UnsupportedArchiveException>(() => BuildAsync(repository, _cache, commit));

        Assert.Contains(".gitattributes", failure.Message);
    }

    [Fact]
    public async Task Cache_held_by_another_process_is_left_to_git_archive()
    {
        using var repository = await TestRepository.CreateAsync();
        var commit = await repository.CommitAsync("one", ("Makefile", "VERSION = 6\n"));
        using var held = new FileStream(Path.Combine(_cache, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        await Assert.ThrowsAsync<UnsupportedArchiveException>(() =>
            new IncrementalArchive(new GitRunner()).WriteAsync(repository.Directory, _cache, commit, Name, _ => Task.CompletedTask,
                TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Cache_far_larger_than_the_tarball_is_emptied_and_rebuilt_by_the_next_commit()
    {
        using var repository = await TestRepository.CreateAsync();
        var random = new byte[6 << 20];
        new Random(3).NextBytes(random);
        await repository.CommitAsync("big", ("Makefile", "VERSION = 6\n"), ("firmware.bin", Convert.ToBase64String(random)));
        await BuildAsync(repository, _cache, (await repository.RunAsync("rev-parse", "HEAD")).Trim());
        var small = await repository.CommitAsync("small", ("firmware.bin", "gone\n"));

        await BuildAsync(repository, _cache, small);

        Assert.Equal(0, new FileInfo(Path.Combine(_cache, "pieces")).Length);
        var (rebuilt, tar) = await BuildAsync(repository, _cache, small);
        Assert.Equal(2, rebuilt.Compressed);
        Assert.Equal(await GitArchiveAsync(repository, small), tar);
    }
}
