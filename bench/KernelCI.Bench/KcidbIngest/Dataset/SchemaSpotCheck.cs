using System.Text.Json;
using KernelCI.Kcidb.Schema;

namespace KernelCI.Bench.KcidbIngest.Dataset;

/// <summary>Validates the first and the last file (between them they hold all five object types) with the server's own
/// v5.3 schema validator; every file would take minutes at full scale.</summary>
internal static class SchemaSpotCheck
{
    /// <summary>The validator's errors, or null when this build has no validator yet.</summary>
    public static IReadOnlyList<string>? Run(DatasetFiles files)
    {
        var errors = new List<string>();
        foreach (var file in new[] { files.Files[0], files.Files[^1] }.Distinct())
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file.Path));
            KcidbDocumentResult result;
            try
            {
                result = KcidbDocuments.Validate(document.RootElement);
            }
            catch (NotImplementedException)
            {
                // KCIDB's schema module is still a stub in this tree.
                return null;
            }

            errors.AddRange(result.Errors.Take(10).Select(e => $"{Path.GetFileName(file.Path)}: {e}"));
        }

        return errors;
    }
}
