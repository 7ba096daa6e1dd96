using System.Text.Json.Nodes;
using KernelCI.ServiceDefaults.Jwt;

namespace KernelCI.ServiceDefaults.Tests.Jwt;

public sealed class Hs256JwtTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static string Token(string secret, long? exp) =>
        Hs256Jwt.Sign(exp is null ? new JsonObject { ["origin"] = "acme" } : new JsonObject { ["origin"] = "acme", ["exp"] = exp }, secret);

    [Fact]
    public void Token_signed_with_the_secret_is_valid_and_carries_its_claims()
    {
        var result = Hs256Jwt.Validate(Token("s3cret", Now.AddHours(1).ToUnixTimeSeconds()), ["s3cret"], Now);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("acme", result.GetString("origin"));
    }

    [Fact]
    public void Token_matching_the_second_secret_is_valid()
    {
        var result = Hs256Jwt.Validate(Token("unified", Now.AddHours(1).ToUnixTimeSeconds()), ["own", "unified"], Now);

        Assert.True(result.IsValid, result.Error);
    }

    [Fact]
    public void Token_signed_with_another_secret_is_rejected()
    {
        var result = Hs256Jwt.Validate(Token("other", Now.AddHours(1).ToUnixTimeSeconds()), ["s3cret"], Now);

        Assert.Equal("invalid token signature", result.Error);
    }

    [Fact]
    public void Expired_token_is_rejected()
    {
        var result = Hs256Jwt.Validate(Token("s3cret", Now.AddSeconds(-1).ToUnixTimeSeconds()), ["s3cret"], Now);

        Assert.Equal("token expired", result.Error);
    }

    [Fact]
    public void Token_without_exp_is_rejected_when_exp_is_required()
    {
        Assert.Equal("invalid token: exp claim is required", Hs256Jwt.Validate(Token("s3cret", null), ["s3cret"], Now).Error);
        Assert.True(Hs256Jwt.Validate(Token("s3cret", null), ["s3cret"], Now, requireExpiry: false).IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJvcmlnaW4iOiJhIn0.")]
    public void Malformed_or_unsigned_token_is_rejected(string token)
    {
        var result = Hs256Jwt.Validate(token, ["s3cret"], Now);

        Assert.False(result.IsValid);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void Signature_matches_an_independent_HS256_implementation()
    {
        // Computed with Python's hmac and base64 modules over the same header and claims, secret "secret".
        const string expected = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJvcmlnaW4iOiJ0ZXN0IiwiZXhwIjo0MTAyNDQ0ODAwfQ.1Ie8eGRazXN3PsA1Kd_GJvHTMrc0CtybSJKw6GYYh-E";

        var token = Hs256Jwt.Sign(new JsonObject { ["origin"] = "test", ["exp"] = 4102444800 }, "secret");

        Assert.Equal(expected, token);
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(1, false)]
    public void The_given_now_decides_expiry_to_the_second_as_PyJWT(int secondsAfterExp, bool valid)
    {
        var exp = Now.AddMinutes(5);
        var token = Token("s3cret", exp.ToUnixTimeSeconds());

        Assert.Equal(valid, Hs256Jwt.Validate(token, ["s3cret"], exp.AddSeconds(secondsAfterExp)).IsValid);
    }

    [Fact]
    public void Claims_outlive_the_buffers_they_were_read_from()
    {
        var results = Enumerable.Range(0, 50)
            .Select(i => Hs256Jwt.Validate(Hs256Jwt.Sign(new JsonObject { ["origin"] = "o" + i }, "s3cret"), ["s3cret"], Now, requireExpiry: false))
            .ToList();

        Assert.Equal(Enumerable.Range(0, 50).Select(i => "o" + i), results.Select(r => r.GetString("origin")));
    }
}
