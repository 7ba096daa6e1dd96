using KernelCI.Storage.Files;

namespace KernelCI.Storage.Tests.Files;

/// <summary>The key checks every download runs, on their own: the span-based rewrite must refuse and accept exactly
/// what char.IsControl and string.Split did.</summary>
public sealed class StorageKeyTests
{
    [Theory]
    [InlineData("a\u0001b")]
    [InlineData("a\u001fb")]
    [InlineData("a\u007fb")]
    [InlineData("a\u0085b")]
    [InlineData("a\u009fb")]
    public void Key_with_a_control_character_is_refused(string candidate)
    {
        Assert.False(StorageKey.TryNormalise(candidate, out _, out var error));
        Assert.Equal("Path traversal detected", error);
    }

    [Theory]
    [InlineData("a b")]
    [InlineData("a\u00a0b")]
    [InlineData("a~b")]
    [InlineData("é/ü")]
    public void Key_with_characters_next_to_the_control_ranges_is_accepted(string candidate)
    {
        Assert.True(StorageKey.TryNormalise(candidate, out var key, out _));
        Assert.Equal(candidate, key);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("./a")]
    [InlineData("a/.")]
    [InlineData("a/./b")]
    [InlineData("a//b")]
    [InlineData("a/")]
    public void Key_with_an_empty_or_dot_segment_is_refused(string candidate)
    {
        Assert.False(StorageKey.TryNormalise(candidate, out _, out var error));
        Assert.Equal("the path has an empty or '.' segment", error);
    }

    [Theory]
    [InlineData(".a")]
    [InlineData("a.")]
    [InlineData("a/.b/c")]
    [InlineData("a")]
    public void Key_with_dots_inside_segments_is_accepted(string candidate)
    {
        Assert.True(StorageKey.TryNormalise(candidate, out var key, out _));
        Assert.Equal(candidate, key);
    }

    [Fact]
    public void Download_path_with_an_encoded_control_character_is_refused()
    {
        Assert.False(StorageKey.TryFromUrl("/a%7Fb", out _, out var error));
        Assert.Equal("Path traversal detected", error);
    }

    [Fact]
    public void Name_of_255_bytes_is_accepted()
    {
        Assert.True(StorageKey.TryNormalise("a/" + new string('n', 255), out _, out _));
    }

    [Theory]
    [InlineData(256, "n")]
    [InlineData(128, "é")]
    public void Name_over_255_bytes_is_refused_naming_it(int count, string unit)
    {
        var name = string.Concat(Enumerable.Repeat(unit, count));

        Assert.False(StorageKey.TryNormalise("a/" + name + "/b", out _, out var error));

        Assert.Contains("'" + name[..Math.Min(name.Length, 120)], error, StringComparison.Ordinal);
        Assert.Contains("at most 255", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_over_1024_bytes_is_refused()
    {
        var key = string.Join('/', Enumerable.Repeat(new string('é', 100), 6));

        Assert.False(StorageKey.TryNormalise(key, out _, out var error));
        Assert.Contains("at most 1024", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_of_more_than_254_segments_is_refused()
    {
        Assert.False(StorageKey.TryNormalise(string.Join('/', Enumerable.Repeat("a", 255)), out _, out var error));
        Assert.Contains("at most 254", error, StringComparison.Ordinal);
    }
}
