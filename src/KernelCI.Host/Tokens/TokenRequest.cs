using System.CommandLine;

namespace KernelCI.Host.Tokens;

/// <summary>A token command's checked request: its parse, the data folder, the secret that signs and the lifetime
/// (null: the token never expires).</summary>
internal sealed record TokenRequest(ParseResult Parse, string DataDir, string Secret, TimeSpan? Lifetime)
{
    public DateTimeOffset? Expires => Lifetime is { } lifetime ? DateTimeOffset.UtcNow.Add(lifetime) : null;
}
