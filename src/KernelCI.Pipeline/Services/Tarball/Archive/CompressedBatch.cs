namespace KernelCI.Pipeline.Services.Tarball.Archive;

/// <summary>A batch's compressed pieces, offsets relative to <see cref="Data"/>, ready to append to the cache.</summary>
internal sealed record CompressedBatch(ReadOnlyMemory<byte> Data, IReadOnlyList<(string ObjectId, CachedPiece Piece)> Pieces);
