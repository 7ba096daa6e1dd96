using System.Text.Json.Nodes;
using KernelCI.ServiceDefaults.Jwt;

namespace KernelCI.ServiceDefaults.Tests.Jwt;

/// <summary>Ours against Microsoft.IdentityModel.JsonWebTokens: each accepts the other's tokens and both refuse the same bad ones.</summary>
public sealed class Hs256JwtLibraryTests
{
    // The library takes no HMAC key under 256 bits: 32 bytes of UTF-8 here.
    private const string Secret = "kernelci-secret-of-32-bytes-long";

    // The library reads the system clock, so these tokens are dated from it.
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    private static JsonObject Claims(long? exp = null)
    {
        var claims = new JsonObject { ["sub"] = "user", ["origin"] = "acme" };
        if (exp is not null)
        {
            claims["exp"] = exp;
        }

        return claims;
    }

    private static long InAnHour => Now.AddHours(1).ToUnixTimeSeconds();

    [Fact]
    public void Token_signed_by_the_library_is_accepted_by_ours()
    {
        var result = Hs256Jwt.Validate(LibraryJwt.Sign(Claims(InAnHour), Secret), [Secret], Now);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("acme", result.GetString("origin"));
    }

    [Fact]
    public async Task Token_signed_by_ours_is_accepted_by_the_library()
    {
        var result = await LibraryJwt.ValidateAsync(Hs256Jwt.Sign(Claims(InAnHour), Secret), Secret);

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("acme", result.Claims["origin"]);
    }

    [Fact]
    public async Task Token_without_exp_is_accepted_by_both_when_exp_is_not_required()
    {
        var token = Hs256Jwt.Sign(Claims(), Secret);

        Assert.True(Hs256Jwt.Validate(token, [Secret], Now, requireExpiry: false).IsValid);
        Assert.True((await LibraryJwt.ValidateAsync(token, Secret, requireExpiry: false)).IsValid);
    }

    public static TheoryData<string> BadTokens() => new(BadToken.Names);

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Bad_token_is_refused_by_both(string name)
    {
        var token = BadToken.Make(name, Secret, Now);

        Assert.False(Hs256Jwt.Validate(token, [Secret], Now).IsValid);
        Assert.False((await LibraryJwt.ValidateAsync(token, Secret)).IsValid);
    }

    [Fact]
    public void Library_refuses_secrets_shorter_than_256_bits_which_upstream_allows()
    {
        Assert.ThrowsAny<ArgumentException>(() => LibraryJwt.Sign(Claims(InAnHour), "s3cret"));
        Assert.True(Hs256Jwt.Validate(Hs256Jwt.Sign(Claims(InAnHour), "s3cret"), ["s3cret"], Now).IsValid);
    }
}
