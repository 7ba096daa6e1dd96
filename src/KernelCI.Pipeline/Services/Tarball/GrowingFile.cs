namespace KernelCI.Pipeline.Services.Tarball;

/// <summary>A scratch file that is written once, front to back, while readers stream it from the start: the tarball
/// is uploaded as it is compressed, and an upload that storage breaks off is resent from the same file (each
/// attempt opens a new reader) instead of from a pipe that cannot be rewound.</summary>
internal sealed class GrowingFile : Stream
{
    private readonly Lock _gate = new();
    private readonly FileStream _file;
    private TaskCompletionSource _grown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _published;
    private bool _completed;
    private Exception? _failure;

    public GrowingFile(string path)
    {
        Path = path;
        // Unbuffered: what is published must already be in the file for a reader to see it.
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete, 0, FileOptions.Asynchronous);
    }

    public string Path { get; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _file.WriteAsync(buffer, cancellationToken);
        Publish(() => _published += buffer.Length);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <summary>Every byte is written: readers reach the end of the stream.</summary>
    public void Complete() => Publish(() => _completed = true);

    /// <summary>The content will never be whole: readers fail with <paramref name="reason"/> (unless already complete).</summary>
    public void Fail(Exception reason) => Publish(() =>
    {
        if (!_completed)
        {
            _failure ??= reason;
        }
    });

    /// <summary>A stream of the whole content, waiting for what is not written yet.</summary>
    public Stream OpenReader() => new GrowingFileReader(this);

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        Fail(new IOException("the file was closed before it was complete"));
        await _file.DisposeAsync();
        File.Delete(Path);
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Fail(new IOException("the file was closed before it was complete"));
            _file.Dispose();
            File.Delete(Path);
        }

        base.Dispose(disposing);
    }

    /// <summary>How far a reader may read, whether that is the end, and a task that completes on the next change.</summary>
    internal (long Published, bool Completed, Exception? Failure, Task Grown) State()
    {
        lock (_gate)
        {
            return (_published, _completed, _failure, _grown.Task);
        }
    }

    private void Publish(Action change)
    {
        TaskCompletionSource grown;
        lock (_gate)
        {
            change();
            grown = _grown;
            _grown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        grown.TrySetResult();
    }
}
