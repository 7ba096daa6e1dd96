using System.Globalization;
using System.Text;

namespace KernelCI.Pipeline.Services.Tarball.Archive;

/// <summary>Reads `git cat-file --batch` output: for each object "ID TYPE SIZE\n", SIZE bytes and "\n".</summary>
internal sealed class CatFileReader(Stream stdout)
{
    private readonly byte[] _buffer = new byte[1 << 20];
    private int _start;
    private int _end;

    /// <summary>The next object's id and size, or null at the end; a missing object is an error.</summary>
    public async Task<(string ObjectId, long Size)?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = Encoding.ASCII.GetString(_buffer, _start, newline);
                _start += newline + 1;
                var fields = line.Split(' ');
                if (fields.Length != 3)
                {
                    throw new InvalidDataException($"git cat-file: {line}");
                }

                return (fields[0], long.Parse(fields[2], CultureInfo.InvariantCulture));
            }

            if (!await FillAsync(cancellationToken))
            {
                return null;
            }
        }
    }

    /// <summary>Reads the current object's content (and the newline after it) into <paramref name="destination"/>.</summary>
    public async Task ReadContentAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        var copied = 0;
        while (copied < destination.Length)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
            {
                throw new EndOfStreamException("git cat-file ended inside an object");
            }

            var take = Math.Min(_end - _start, destination.Length - copied);
            _buffer.AsMemory(_start, take).CopyTo(destination[copied..]);
            _start += take;
            copied += take;
        }

        if (_start == _end && !await FillAsync(cancellationToken))
        {
            throw new EndOfStreamException("git cat-file ended inside an object");
        }

        _start++;
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            throw new InvalidDataException("git cat-file: header line too long");
        }

        var read = await stdout.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        _end += read;
        return read > 0;
    }
}
