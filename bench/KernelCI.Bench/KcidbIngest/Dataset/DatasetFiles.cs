namespace KernelCI.Bench.KcidbIngest.Dataset;

/// <summary>The written dataset: its files in upload order and the JSON bytes each object type took.</summary>
internal sealed record DatasetFiles(string Directory, IReadOnlyList<DatasetFile> Files, IReadOnlyDictionary<ObjectKind, long> BytesByKind)
{
    public long Bytes => Files.Sum(f => f.Bytes);

    public long Objects => Files.Sum(f => (long)f.Objects);
}
