using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace KernelCI.Bench.KcidbIngest.Dataset;

/// <summary>Streams the dataset into v5.3 documents of at most <c>objectsPerFile</c> objects each, parent types first;
/// one document may hold the tail of one type and the head of the next.</summary>
internal sealed class DatasetWriter(string directory, int objectsPerFile)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<DatasetFile> _files = [];
    private readonly Dictionary<ObjectKind, long> _bytesByKind = [];
    private FileStream? _stream;
    private Utf8JsonWriter? _writer;
    private string? _section;
    private int _objects;

    public DatasetFiles Write(DatasetGenerator generator, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var context = DatasetJsonContext.Default;
        WriteAll(ObjectKind.Checkout, "checkouts", generator.Checkouts(), context.KcidbCheckout, cancellationToken);
        WriteAll(ObjectKind.Issue, "issues", generator.Issues(), context.KcidbIssue, cancellationToken);
        WriteAll(ObjectKind.Build, "builds", generator.Builds(), context.KcidbBuild, cancellationToken);
        WriteAll(ObjectKind.Test, "tests", generator.Tests(), context.KcidbTest, cancellationToken);
        WriteAll(ObjectKind.Incident, "incidents", generator.Incidents(), context.KcidbIncident, cancellationToken);
        CloseFile();
        return new DatasetFiles(directory, _files, _bytesByKind);
    }

    private void WriteAll<T>(ObjectKind kind, string section, IEnumerable<T> items, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        long bytes = 0;
        foreach (var item in items)
        {
            var writer = WriterFor(section, cancellationToken);
            var before = writer.BytesCommitted + writer.BytesPending;
            JsonSerializer.Serialize(writer, item, typeInfo);
            bytes += writer.BytesCommitted + writer.BytesPending - before;
            if (++_objects == objectsPerFile)
            {
                CloseFile();
            }
        }

        _bytesByKind[kind] = bytes;
    }

    private Utf8JsonWriter WriterFor(string section, CancellationToken cancellationToken)
    {
        if (_writer is null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(directory, $"kcidb-{_files.Count + 1:D5}.json");
            _stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            _writer = new Utf8JsonWriter(_stream, WriterOptions);
            _writer.WriteStartObject();
            _writer.WriteStartObject("version");
            _writer.WriteNumber("major", 5);
            _writer.WriteNumber("minor", 3);
            _writer.WriteEndObject();
        }

        if (_section != section)
        {
            if (_section is not null)
            {
                _writer.WriteEndArray();
            }

            _writer.WriteStartArray(section);
            _section = section;
        }

        return _writer;
    }

    private void CloseFile()
    {
        if (_writer is null || _stream is null)
        {
            return;
        }

        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.Flush();
        _writer.Dispose();
        _files.Add(new DatasetFile(_stream.Name, _objects, _stream.Length));
        _stream.Dispose();
        (_writer, _stream, _section, _objects) = (null, null, null, 0);
    }
}
