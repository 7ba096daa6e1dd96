using Microsoft.AspNetCore.WebUtilities;

namespace KernelCI.Storage.Files;

internal static class MultipartSections
{
    /// <summary>The next part; a truncated or malformed body becomes a 400 instead of an IOException (500).</summary>
    public static async Task<MultipartSection?> NextAsync(this MultipartReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (IOException e)
        {
            throw new UploadRejectedException(400, "Malformed or truncated upload: " + e.Message);
        }
    }
}
