using KernelCI.Pipeline.Services.Tarball;

namespace KernelCI.Pipeline.Tests.Services.Tarball;

public sealed class GrowingFileTests
{
    [Fact]
    public async Task Reader_opened_before_the_writes_reads_everything_once_complete()
    {
        await using var file = new GrowingFile(ScratchPath());
        await using var reader = file.OpenReader();
        var reading = ReadAllAsync(reader);

        await file.WriteAsync("abc"u8.ToArray(), TestContext.Current.CancellationToken);
        await file.WriteAsync("def"u8.ToArray(), TestContext.Current.CancellationToken);
        Assert.False(reading.IsCompleted);
        file.Complete();

        Assert.Equal("abcdef"u8.ToArray(), await reading);
    }

    [Fact]
    public async Task Each_reader_starts_from_the_beginning()
    {
        await using var file = new GrowingFile(ScratchPath());
        await file.WriteAsync("abc"u8.ToArray(), TestContext.Current.CancellationToken);
        await using (var first = file.OpenReader())
        {
            Assert.Equal((byte)'a', (byte)first.ReadByte());
        }

        file.Complete();
        await using var second = file.OpenReader();

        Assert.Equal("abc"u8.ToArray(), await ReadAllAsync(second));
    }

    [Fact]
    public async Task Readers_fail_when_the_writer_fails()
    {
        await using var file = new GrowingFile(ScratchPath());
        await using var reader = file.OpenReader();
        await file.WriteAsync("abc"u8.ToArray(), TestContext.Current.CancellationToken);
        var reading = ReadAllAsync(reader);

        file.Fail(new InvalidOperationException("tar exited 2"));

        var error = await Assert.ThrowsAsync<IOException>(() => reading);
        Assert.Contains("tar exited 2", error.Message);
    }

    [Fact]
    public async Task Scratch_file_is_deleted_on_dispose()
    {
        var path = ScratchPath();
        var file = new GrowingFile(path);
        file.Complete();

        await file.DisposeAsync();

        Assert.False(File.Exists(path));
    }

    private static string ScratchPath() => Path.Combine(Path.GetTempPath(), "growing-" + Guid.NewGuid().ToString("N"));

    private static async Task<byte[]> ReadAllAsync(Stream reader)
    {
        using var result = new MemoryStream();
        await reader.CopyToAsync(result, TestContext.Current.CancellationToken);
        return result.ToArray();
    }
}
