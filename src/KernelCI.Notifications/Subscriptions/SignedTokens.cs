using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KernelCI.Notifications.Subscriptions;

/// <summary>The tokens in mail links (confirm, unsubscribe, manage): `purpose|subject|expiry` and its HMAC-SHA256 under
/// the data folder's `notifications` secret, both base64url, so a link works without a login or a stored token and a
/// changed byte makes it worthless.</summary>
internal sealed class SignedTokens(byte[] key, TimeProvider time)
{
    public const string SecretName = "notifications";
    public const string Confirm = "confirm";
    public const string Unsubscribe = "unsubscribe";
    public const string Manage = "manage";

    public string Create(string purpose, string subject, TimeSpan lifetime)
    {
        var expiry = (time.GetUtcNow() + lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var payload = Encoding.UTF8.GetBytes($"{purpose}|{subject}|{expiry}");
        return Base64Url(payload) + "." + Base64Url(HMACSHA256.HashData(key, payload));
    }

    /// <summary>The subject, or an error that says why the token is refused.</summary>
    public (string? Subject, string? Error) Validate(string? token, string purpose)
    {
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (token is null || dot <= 0)
        {
            return (null, "token: missing or malformed");
        }

        byte[] payload, signature;
        try
        {
            payload = System.Buffers.Text.Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            signature = System.Buffers.Text.Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return (null, "token: malformed");
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(key, payload)))
        {
            return (null, "token: not signed by this server");
        }

        var parts = Encoding.UTF8.GetString(payload).Split('|');
        if (parts.Length != 3 || parts[0] != purpose)
        {
            return (null, $"token: not a {purpose} token");
        }

        var expiry = DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[2], CultureInfo.InvariantCulture));
        return expiry < time.GetUtcNow() ? (null, $"token: expired at {expiry:u}") : (parts[1], null);
    }

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
