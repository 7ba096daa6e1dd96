using System.Globalization;
using KernelCI.Dashboard.Data;

namespace KernelCI.Dashboard.Tests.Data;

/// <summary>DashboardSql.FormatTime cuts the round-trip format; its answers must stay those of the custom formats it
/// replaced (upstream's Django REST framework times).</summary>
public sealed class FormatTimeTests
{
    [Theory]
    [InlineData(638_000_000_000_000_000L, "2022-09-28T22:13:20Z")]
    [InlineData(638_000_000_000_000_010L, "2022-09-28T22:13:20.000001Z")]
    [InlineData(638_000_000_000_000_001L, "2022-09-28T22:13:20.000000Z")]
    [InlineData(638_000_000_001_234_567L, "2022-09-28T22:13:20.123456Z")]
    [InlineData(0L, "0001-01-01T00:00:00Z")]
    public void A_time_is_printed_as_upstream_prints_it(long ticks, string expected) =>
        Assert.Equal(expected, DashboardSql.FormatTime(new DateTimeOffset(ticks, TimeSpan.Zero)));

    [Fact]
    public void Times_with_an_offset_are_printed_in_utc() =>
        Assert.Equal("2026-12-06T10:00:00.500000Z",
            DashboardSql.FormatTime(new DateTimeOffset(2026, 12, 6, 12, 0, 0, 500, TimeSpan.FromHours(2))));

    [Fact]
    public void Any_time_gives_what_the_custom_formats_gave()
    {
        var random = new Random(14);
        for (var i = 0; i < 10_000; i++)
        {
            var ticks = random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);
            if (i % 2 == 0)
            {
                ticks -= ticks % TimeSpan.TicksPerSecond;
            }

            var utc = new DateTime(ticks, DateTimeKind.Utc);
            var expected = utc.ToString(ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'",
                CultureInfo.InvariantCulture);
            Assert.Equal(expected, DashboardSql.FormatTime(new DateTimeOffset(utc)));
        }
    }

    [Fact]
    public void No_time_is_null() => Assert.Null(DashboardSql.FormatTime(null));
}
