using System.Buffers.Binary;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace KernelCI.Pipeline.Services.Tarball.Archive;

/// <summary>The compressed pieces of one tree's files, by blob id, kept between commits so that a commit only
/// compresses the files it changed. Two files: `pieces`, appended to and fsync'd before `index` names what was
/// appended, so an index entry never points at data a crash could lose; a torn last index entry is ignored. The
/// directory is locked (flock) while open: one writer per tree.</summary>
internal sealed class PieceCache : IDisposable
{
    private const int MaxObjectIdLength = 64;

    private readonly FileStream _lock;
    private readonly FileStream _pieces;
    private readonly FileStream _index;
    private readonly Dictionary<string, CachedPiece> _entries;
    private readonly List<(string ObjectId, CachedPiece Piece)> _pending = [];

    private PieceCache(FileStream lockFile, FileStream pieces, FileStream index, Dictionary<string, CachedPiece> entries)
    {
        _lock = lockFile;
        _pieces = pieces;
        _index = index;
        _entries = entries;
        DataLength = RandomAccess.GetLength(pieces.SafeFileHandle);
    }

    public SafeFileHandle Data => _pieces.SafeFileHandle;

    public long DataLength { get; private set; }

    public int Count => _entries.Count;

    /// <summary>Opens (creating) the cache in <paramref name="directory"/>; null if another process holds it.</summary>
    public static PieceCache? TryOpen(string directory)
    {
        Directory.CreateDirectory(directory);
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(Path.Combine(directory, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }

        var pieces = new FileStream(Path.Combine(directory, "pieces"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 0);
        var index = new FileStream(Path.Combine(directory, "index"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1 << 16);
        var entries = Load(index, RandomAccess.GetLength(pieces.SafeFileHandle));
        return new PieceCache(lockFile, pieces, index, entries);
    }

    public bool TryGet(string objectId, out CachedPiece piece) => _entries.TryGetValue(objectId, out piece);

    /// <summary>Appends compressed pieces (offsets relative to <paramref name="data"/>); they can be read at once and are
    /// named in the index by <see cref="Commit"/>.</summary>
    public void Append(ReadOnlySpan<byte> data, IReadOnlyList<(string ObjectId, CachedPiece Piece)> pieces)
    {
        var start = DataLength;
        RandomAccess.Write(_pieces.SafeFileHandle, data, start);
        DataLength += data.Length;
        foreach (var (objectId, piece) in pieces)
        {
            var stored = piece with { Offset = start + piece.Offset };
            _pending.Add((objectId, stored));
            _entries[objectId] = stored;
        }
    }

    /// <summary>Makes the appended pieces durable, then names them in the index (one fsync per commit's new files).</summary>
    public void Commit()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        _pieces.Flush(flushToDisk: true);
        Span<byte> record = stackalloc byte[1 + MaxObjectIdLength + 24];
        foreach (var (objectId, piece) in _pending)
        {
            _index.Write(record[..Encode(record, objectId, piece)]);
        }

        _index.Flush();
        _pending.Clear();
    }

    /// <summary>Empties the cache, e.g. when it holds far more than the tree needs.</summary>
    public void Clear()
    {
        _entries.Clear();
        _pending.Clear();
        _index.SetLength(0);
        _pieces.SetLength(0);
        DataLength = 0;
    }

    public void Dispose()
    {
        _index.Dispose();
        _pieces.Dispose();
        _lock.Dispose();
    }

    private static int Encode(Span<byte> record, string objectId, CachedPiece piece)
    {
        var id = Encoding.ASCII.GetBytes(objectId, record[1..]);
        record[0] = (byte)id;
        var fields = record[(1 + id)..];
        BinaryPrimitives.WriteInt64LittleEndian(fields, piece.Offset);
        BinaryPrimitives.WriteInt32LittleEndian(fields[8..], piece.Length);
        BinaryPrimitives.WriteInt64LittleEndian(fields[12..], piece.Size);
        BinaryPrimitives.WriteUInt32LittleEndian(fields[20..], piece.Crc);
        return 1 + id + 24;
    }

    private static Dictionary<string, CachedPiece> Load(FileStream index, long dataLength)
    {
        var bytes = new byte[index.Length];
        index.ReadExactly(bytes);
        var entries = new Dictionary<string, CachedPiece>(StringComparer.Ordinal);
        var position = 0;
        while (position < bytes.Length)
        {
            var idLength = bytes[position];
            var length = 1 + idLength + 24;
            if (idLength is 0 or > MaxObjectIdLength || position + length > bytes.Length)
            {
                break;
            }

            var fields = bytes.AsSpan(position + 1 + idLength);
            var piece = new CachedPiece(BinaryPrimitives.ReadInt64LittleEndian(fields), BinaryPrimitives.ReadInt32LittleEndian(fields[8..]),
                BinaryPrimitives.ReadInt64LittleEndian(fields[12..]), BinaryPrimitives.ReadUInt32LittleEndian(fields[20..]));
            if (piece.Offset < 0 || piece.Length < 0 || (piece.Length == 0) != (piece.Size == 0) || piece.Offset + piece.Length > dataLength)
            {
                break;
            }

            entries[Encoding.ASCII.GetString(bytes, position + 1, idLength)] = piece;
            position += length;
        }

        // What follows a torn entry is dropped, so the next append starts on a record boundary.
        index.SetLength(position);
        index.Position = position;
        return entries;
    }
}
