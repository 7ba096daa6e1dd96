namespace KernelCI.Pipeline.Runtimes.Lava.Definition;

/// <summary>A LAVA timeout: exactly one of days, minutes or seconds.</summary>
internal sealed record LavaTimeout(int? Days = null, int? Minutes = null, int? Seconds = null)
{
    public static LavaTimeout OfMinutes(int minutes) => new(Minutes: minutes);
}
