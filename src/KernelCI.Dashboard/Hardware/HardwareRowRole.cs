namespace KernelCI.Dashboard.Hardware;

internal enum HardwareRowRole
{
    Test,
    Counts,
    Issues,
}
