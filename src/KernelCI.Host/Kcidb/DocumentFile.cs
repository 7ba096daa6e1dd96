using System.Text.Json;

namespace KernelCI.Host.Kcidb;

/// <summary>Reads a KCIDB document from a file, or standard input for "-", turning failures into messages.</summary>
internal static class DocumentFile
{
    public static async Task<(JsonDocument? Document, string? Error)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = path == "-" ? Console.OpenStandardInput() : File.OpenRead(path);
            return (await JsonDocument.ParseAsync(stream, new JsonDocumentOptions { MaxDepth = 256 }, cancellationToken), null);
        }
        catch (FileNotFoundException)
        {
            return (null, $"{path}: no such file");
        }
        catch (DirectoryNotFoundException)
        {
            return (null, $"{path}: no such file");
        }
        catch (UnauthorizedAccessException)
        {
            return (null, $"{path}: permission denied");
        }
        catch (JsonException e)
        {
            return (null, $"{path}: not valid JSON: {e.Message}");
        }
    }

    public static string Write(JsonElement document) =>
        JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true });
}
