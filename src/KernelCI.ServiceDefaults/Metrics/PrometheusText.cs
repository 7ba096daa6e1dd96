namespace KernelCI.ServiceDefaults.Metrics;

/// <summary>Rewrites of the exporter's Prometheus text so that it reads as /metrics always has.</summary>
internal static class PrometheusText
{
    /// <summary>
    /// `name{} 3` becomes `name 3`, in place; returns the new length. OpenTelemetry's exporter writes an empty label
    /// set on a sample without labels; Prometheus reads both the same, and operators' scripts read the bare name.
    /// A sample line's first `{` opens its label set (a metric name has none), so label values are never touched.
    /// </summary>
    public static int DropEmptyLabelSets(Span<byte> text)
    {
        var write = 0;
        var read = 0;
        while (read < text.Length)
        {
            var end = text[read..].IndexOf((byte)'\n');
            var lineLength = end < 0 ? text.Length - read : end + 1;
            var line = text.Slice(read, lineLength);
            var brace = line[0] == (byte)'#' ? -1 : line.IndexOf((byte)'{');
            if (brace >= 0 && brace + 1 < line.Length && line[brace + 1] == (byte)'}')
            {
                line[..brace].CopyTo(text[write..]);
                line[(brace + 2)..].CopyTo(text[(write + brace)..]);
                write += lineLength - 2;
            }
            else
            {
                line.CopyTo(text[write..]);
                write += lineLength;
            }

            read += lineLength;
        }

        return write;
    }
}
