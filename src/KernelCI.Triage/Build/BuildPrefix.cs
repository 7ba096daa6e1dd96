namespace KernelCI.Triage.Build;

/// <summary>Removes the "12:34:56 " time some builders put before each line of make's output (upstream logspec's
/// kbuild parser accepts the same prefix, `kernelci/logspec:logspec/errors/kbuild.py` TIMESTAMP).</summary>
internal static class BuildPrefix
{
    public static ReadOnlySpan<char> Strip(ReadOnlySpan<char> line)
    {
        if (line.Length > 9 && line[2] == ':' && line[5] == ':' && line[8] == ' '
            && char.IsAsciiDigit(line[0]) && char.IsAsciiDigit(line[1]) && char.IsAsciiDigit(line[3])
            && char.IsAsciiDigit(line[4]) && char.IsAsciiDigit(line[6]) && char.IsAsciiDigit(line[7]))
        {
            return line[9..].TrimStart(' ');
        }

        return line;
    }
}
