using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using KernelCI.Dashboard.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KernelCI.Dashboard.Issues;

/// <summary>GET issue/'s answer written straight to the response with a Utf8JsonWriter, flushed every 64 KiB: at
/// 10,000 issues it is about 7.5 MB, which the serializer would first build from the records. The bytes are the ones
/// TypedResults.Json gave for <see cref="IssueListing"/> (same names, order, nulls and default escaping; a test
/// compares them, tests/KernelCI.Dashboard.Tests/Issues/IssueListingAnswerTests.cs). <paramref name="written"/> is told
/// when the last byte was handed to the response, and how many were written.</summary>
internal sealed class IssueListingResult(IssueListing listing, Action<long, long>? written = null, TimeProvider? clock = null,
    IssueListingSnapshot? serialized = null) : IResult
{
    public const string ContentType = "application/json; charset=utf-8";

    private const int FlushBytes = 64 * 1024;

    private static readonly JsonEncodedText Issues = JsonEncodedText.Encode("issues");
    private static readonly JsonEncodedText Extras = JsonEncodedText.Encode("extras");
    private static readonly JsonEncodedText Filters = JsonEncodedText.Encode("filters");
    private static readonly JsonEncodedText FieldTimestamp = JsonEncodedText.Encode("field_timestamp");
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Comment = JsonEncodedText.Encode("comment");
    private static readonly JsonEncodedText Origin = JsonEncodedText.Encode("origin");
    private static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText CulpritCode = JsonEncodedText.Encode("culprit_code");
    private static readonly JsonEncodedText CulpritTool = JsonEncodedText.Encode("culprit_tool");
    private static readonly JsonEncodedText CulpritHarness = JsonEncodedText.Encode("culprit_harness");
    private static readonly JsonEncodedText Categories = JsonEncodedText.Encode("categories");
    private static readonly JsonEncodedText FirstSeen = JsonEncodedText.Encode("first_seen");
    private static readonly JsonEncodedText GitCommitHash = JsonEncodedText.Encode("git_commit_hash");
    private static readonly JsonEncodedText GitRepositoryUrl = JsonEncodedText.Encode("git_repository_url");
    private static readonly JsonEncodedText GitRepositoryBranch = JsonEncodedText.Encode("git_repository_branch");
    private static readonly JsonEncodedText GitCommitName = JsonEncodedText.Encode("git_commit_name");
    private static readonly JsonEncodedText TreeName = JsonEncodedText.Encode("tree_name");
    private static readonly JsonEncodedText IssueVersion = JsonEncodedText.Encode("issue_version");
    private static readonly JsonEncodedText CheckoutId = JsonEncodedText.Encode("checkout_id");
    private static readonly JsonEncodedText Origins = JsonEncodedText.Encode("origins");
    private static readonly JsonEncodedText Culprits = JsonEncodedText.Encode("culprits");

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        var body = response.BodyWriter;
        var cancellationToken = httpContext.RequestAborted;
        await using var json = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = Encoder(httpContext.RequestServices) });
        await WriteAsync(json, listing, serialized, async () =>
        {
            json.Flush();
            await body.FlushAsync(cancellationToken);
        });
        json.Flush();
        await body.FlushAsync(cancellationToken);
        written?.Invoke((clock ?? TimeProvider.System).GetTimestamp(), json.BytesCommitted);
    }

    /// <summary>The escaping TypedResults.Json uses: ASP.NET Core's JSON options (relaxed escaping unless configured).</summary>
    public static JavaScriptEncoder? Encoder(IServiceProvider services) =>
        services.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions.Encoder;

    /// <summary>The whole answer in memory, the same bytes <see cref="ExecuteAsync"/> writes.</summary>
    public static byte[] Render(IssueListing listing, IssueListingSnapshot? serialized, JavaScriptEncoder? encoder)
    {
        var buffer = new ArrayBufferWriter<byte>(1024 + (listing.Issues.Count * 800));
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder }))
        {
            // Without a flush callback nothing awaits: the task is complete when it returns.
            WriteAsync(json, listing, serialized, null).GetAwaiter().GetResult();
        }

        return buffer.WrittenSpan.ToArray();
    }

    // Rows of the snapshot are copied as it serialized them; `flush` is called every 64 KiB when streaming.
    private static async Task WriteAsync(Utf8JsonWriter json, IssueListing listing, IssueListingSnapshot? serialized, Func<Task>? flush)
    {
        json.WriteStartObject();
        json.WriteStartArray(Issues);
        foreach (var issue in listing.Issues)
        {
            if (serialized?.IssueJson(issue) is { } raw)
            {
                json.WriteRawValue(raw, skipInputValidation: true);
            }
            else
            {
                WriteIssue(json, issue);
            }

            if (flush is not null && json.BytesPending >= FlushBytes)
            {
                await flush();
            }
        }

        json.WriteEndArray();
        json.WriteStartObject(Extras);
        foreach (var (id, incident) in listing.Extras)
        {
            json.WritePropertyName(id);
            if (serialized?.IncidentJson(id) is { } raw)
            {
                json.WriteRawValue(raw, skipInputValidation: true);
            }
            else
            {
                WriteIncident(json, incident);
            }

            if (flush is not null && json.BytesPending >= FlushBytes)
            {
                await flush();
            }
        }

        json.WriteEndObject();
        json.WriteStartObject(Filters);
        WriteStrings(json, Origins, listing.Filters.Origins);
        WriteStrings(json, Culprits, listing.Filters.Culprits);
        WriteStrings(json, Categories, listing.Filters.Categories);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static void WriteIssue(Utf8JsonWriter json, IssueRow issue)
    {
        json.WriteStartObject();
        json.WriteStringOrNull(FieldTimestamp, issue.FieldTimestamp);
        json.WriteString(Id, issue.Id);
        json.WriteStringOrNull(Comment, issue.Comment);
        json.WriteString(Origin, issue.Origin);
        json.WriteNumber(Version, issue.Version);
        json.WriteBooleanOrNull(CulpritCode, issue.CulpritCode);
        json.WriteBooleanOrNull(CulpritTool, issue.CulpritTool);
        json.WriteBooleanOrNull(CulpritHarness, issue.CulpritHarness);
        if (issue.Categories is null)
        {
            json.WriteNull(Categories);
        }
        else
        {
            WriteStrings(json, Categories, issue.Categories);
        }

        json.WriteEndObject();
    }

    public static void WriteIncident(Utf8JsonWriter json, Incident incident)
    {
        json.WriteStartObject();
        json.WriteStringOrNull(FirstSeen, incident.FirstSeen);
        json.WriteStringOrNull(GitCommitHash, incident.GitCommitHash);
        json.WriteStringOrNull(GitRepositoryUrl, incident.GitRepositoryUrl);
        json.WriteStringOrNull(GitRepositoryBranch, incident.GitRepositoryBranch);
        json.WriteStringOrNull(GitCommitName, incident.GitCommitName);
        json.WriteStringOrNull(TreeName, incident.TreeName);
        json.WriteNumberOrNull(IssueVersion, incident.IssueVersion);

        json.WriteStringOrNull(CheckoutId, incident.CheckoutId);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, JsonEncodedText name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
