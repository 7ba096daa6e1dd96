namespace KernelCI.Storage.Files;

internal static class MultipartHeaders
{
    /// <summary>A part's header lines (without the blank line that ends them); only Content-Disposition is kept.</summary>
    public static MultipartPart Parse(string headers)
    {
        var disposition = "";
        foreach (var line in headers.Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new UploadRejectedException(400, "Malformed multipart upload: a part's header line has no name");
            }

            if (line.AsSpan(0, colon).Trim().Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase))
            {
                disposition = line[(colon + 1)..].Trim();
            }
        }

        return new MultipartPart(disposition);
    }
}
