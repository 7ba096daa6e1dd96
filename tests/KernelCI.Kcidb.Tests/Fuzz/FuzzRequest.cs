namespace KernelCI.Kcidb.Tests.Fuzz;

/// <summary>One generated request: what it tries, for the failure message, and what is sent.</summary>
internal sealed record FuzzRequest(string Kind, HttpMethod Method, string Path, string? Authorization, byte[]? Body)
{
    public override string ToString() =>
        $"{Kind}: {Method} {(Path.Length > 120 ? Path[..120] + "…" : Path)}"
        + (Body is null ? "" : $" body {System.Text.Encoding.UTF8.GetString(Body.AsSpan(0, Math.Min(Body.Length, 160)))}");
}
