using KernelCI.Storage.Files;

namespace KernelCI.Storage.Tests;

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
}
