using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using KernelCI.Storage.Files;

namespace KernelCI.Storage.Tests.Files;

public sealed class MultipartPipeReaderTests
{
    private const string Boundary = "XyZ-boundary";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Parts_are_read_with_their_disposition_and_body()
    {
        var parts = await ReadAllAsync(Body(("path", "job-1"), ("file0\"; filename=\"a.txt", "hello")));

        Assert.Equal(["form-data; name=\"path\"", "form-data; name=\"file0\"; filename=\"a.txt\""], parts.Select(p => p.Disposition));
        Assert.Equal(["job-1", "hello"], parts.Select(p => Encoding.ASCII.GetString(p.Body)));
    }

    [Fact]
    public async Task Delimiter_split_across_segments_ends_the_part()
    {
        var bytes = Body(("file0", "0123456789"));

        var parts = await ReadAllAsync(SequenceSegments.Bytewise(bytes));

        Assert.Equal("0123456789", Encoding.ASCII.GetString(Assert.Single(parts).Body));
    }

    [Fact]
    public async Task Crlf_before_the_delimiter_belongs_to_it_and_other_crlfs_to_the_data()
    {
        var parts = await ReadAllAsync(Body(("file0", "line\r\n"), ("file1", "\r\n"), ("file2", "")));

        Assert.Equal(["line\r\n", "\r\n", ""], parts.Select(p => Encoding.ASCII.GetString(p.Body)));
    }

    [Fact]
    public async Task Boundary_like_bytes_inside_data_are_kept()
    {
        var data = $"a--{Boundary}b\r\n--{Boundary[..^1]}c\r\n-{Boundary}\n--{Boundary}\r\r\n--X";

        var parts = await ReadAllAsync(SequenceSegments.Bytewise(Body(("file0", data))));

        Assert.Equal(data, Encoding.ASCII.GetString(Assert.Single(parts).Body));
    }

    [Fact]
    public async Task Preamble_padding_and_epilogue_are_ignored()
    {
        var bytes = Encoding.ASCII.GetBytes($"preamble\r\n--{Boundary} \t\r\nContent-Disposition: form-data; name=\"file0\"\r\n\r\ndata\r\n--{Boundary}--\r\nepilogue");

        var parts = await ReadAllAsync(bytes);

        Assert.Equal("data", Encoding.ASCII.GetString(Assert.Single(parts).Body));
    }

    [Fact]
    public async Task Missing_final_boundary_is_rejected_with_400()
    {
        var bytes = Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file0\"\r\n\r\nno closing boundary");

        var e = await Assert.ThrowsAsync<UploadRejectedException>(() => ReadAllAsync(bytes));

        Assert.Equal(400, e.StatusCode);
    }

    [Fact]
    public async Task Body_ending_after_a_part_without_the_closing_dashes_is_rejected_with_400()
    {
        var bytes = Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file0\"\r\n\r\ndata\r\n--{Boundary}");

        var e = await Assert.ThrowsAsync<UploadRejectedException>(() => ReadAllAsync(bytes));

        Assert.Equal(400, e.StatusCode);
    }

    [Fact]
    public async Task Headers_longer_than_the_limit_are_rejected_with_400()
    {
        var bytes = Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file0\"\r\nX-Long: {new string('a', MultipartPipeReader.HeadersLimit)}\r\n\r\ndata\r\n--{Boundary}--\r\n");

        var e = await Assert.ThrowsAsync<UploadRejectedException>(() => ReadAllAsync(bytes));

        Assert.Equal(400, e.StatusCode);
        Assert.Contains("headers", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bytes_after_a_boundary_other_than_padding_are_rejected_with_400()
    {
        var bytes = Encoding.ASCII.GetBytes($"--{Boundary}junk\r\nContent-Disposition: form-data; name=\"file0\"\r\n\r\ndata\r\n--{Boundary}--\r\n");

        var e = await Assert.ThrowsAsync<UploadRejectedException>(() => ReadAllAsync(bytes));

        Assert.Equal(400, e.StatusCode);
    }

    [Fact]
    public async Task Large_body_arriving_in_small_writes_is_read_whole_in_chunks_of_at_least_the_minimum()
    {
        var data = new byte[3 * MultipartPipeReader.MinChunk + 12345];
        new Random(7).NextBytes(data);
        var bytes = Body(("file0", ""));
        var head = bytes.AsSpan(0, bytes.Length - $"\r\n--{Boundary}--\r\n".Length).ToArray();
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0, useSynchronizationContext: false));
        var writing = Task.Run(async () =>
        {
            foreach (var piece in new[] { head, data, Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n") }.SelectMany(b => b.Chunk(1000)))
            {
                await pipe.Writer.WriteAsync(piece, Cancel);
            }

            await pipe.Writer.CompleteAsync();
        }, Cancel);
        using var reader = new MultipartPipeReader(pipe.Reader, Boundary);
        Assert.NotNull(await reader.NextPartAsync(Cancel));
        var received = new List<byte>();
        var chunks = new List<long>();

        for (var chunk = await reader.ReadBodyAsync(Cancel); !chunk.IsEmpty; chunk = await reader.ReadBodyAsync(Cancel))
        {
            chunks.Add(chunk.Length);
            received.AddRange(chunk.ToArray());
        }

        await writing;
        Assert.Equal(data, received);
        Assert.All(chunks.SkipLast(1), c => Assert.True(c >= MultipartPipeReader.MinChunk));
        Assert.Null(await reader.NextPartAsync(Cancel));
    }

    private static byte[] Body(params (string Name, string Content)[] parts)
    {
        var text = new StringBuilder();
        foreach (var (name, content) in parts)
        {
            text.Append($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{content}\r\n");
        }

        return Encoding.ASCII.GetBytes(text.Append($"--{Boundary}--\r\n").ToString());
    }

    private static Task<List<(string Disposition, byte[] Body)>> ReadAllAsync(byte[] bytes) => ReadAllAsync(new ReadOnlySequence<byte>(bytes));

    private static async Task<List<(string Disposition, byte[] Body)>> ReadAllAsync(ReadOnlySequence<byte> bytes)
    {
        using var reader = new MultipartPipeReader(PipeReader.Create(bytes), Boundary);
        var parts = new List<(string, byte[])>();
        while (await reader.NextPartAsync(Cancel) is { } part)
        {
            var body = new List<byte>();
            for (var chunk = await reader.ReadBodyAsync(Cancel); !chunk.IsEmpty; chunk = await reader.ReadBodyAsync(Cancel))
            {
                body.AddRange(chunk.ToArray());
            }

            parts.Add((part.ContentDisposition, body.ToArray()));
        }

        return parts;
    }
}
