using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KernelCI.Dashboard.Http;

/// <summary>An HTTP 200 JSON answer written straight to the response body by <paramref name="write"/>, for lists too
/// large to build as objects first (docs/dashboard-api.md, "How the lists are written"). Same bytes and content type
/// as <c>TypedResults.Ok</c> with the component's serializer options, which the writer gets to serialize the parts
/// that stay records. Everything that can fail with a reply (a 400, upstream's `{"error"}`) is decided before this
/// runs: once the body has started, a failure can only cut the answer short.</summary>
internal sealed class JsonStream : IResult
{
    private const int FlushBytes = 32 * 1024;

    private readonly Func<JsonStream, Task> _write;
    private PipeWriter? _body;
    private CancellationToken _aborted;

    public JsonStream(Func<JsonStream, Task> write) => _write = write;

    public Utf8JsonWriter Writer { get; private set; } = null!;

    public JsonSerializerOptions Options { get; private set; } = null!;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        Options = httpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        _body = httpContext.Response.BodyWriter;
        _aborted = httpContext.RequestAborted;
        await using (Writer = new Utf8JsonWriter(_body, new JsonWriterOptions { Encoder = Options.Encoder, Indented = Options.WriteIndented, SkipValidation = true }))
        {
            await _write(this);
            Writer.Flush();
        }

        await _body.FlushAsync(_aborted);
    }

    /// <summary>Hands what is written so far to the response once it is worth a write.</summary>
    public async ValueTask FlushIfFullAsync()
    {
        if (Writer.BytesPending >= FlushBytes)
        {
            Writer.Flush();
            await _body!.FlushAsync(_aborted);
        }
    }

    /// <summary>`"name": value` through the serializer, as a record's property of type <typeparamref name="T"/>.</summary>
    public void Property<T>(string name, T value)
    {
        Writer.WritePropertyName(name);
        JsonSerializer.Serialize(Writer, value, Options);
    }
}
