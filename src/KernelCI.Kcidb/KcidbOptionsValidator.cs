namespace KernelCI.Kcidb;

internal static class KcidbOptionsValidator
{
    public static void ThrowIfInvalid(KcidbOptions options)
    {
        if (options.MaxSubmissionBytes <= 0)
        {
            throw new InvalidOperationException("Kcidb:MaxSubmissionBytes must be positive");
        }

        if (options.BatchFiles <= 0 || options.BatchBytes <= 0)
        {
            throw new InvalidOperationException("Kcidb:BatchFiles and Kcidb:BatchBytes must be positive");
        }

        if (options.TransactionBytes < 0)
        {
            throw new InvalidOperationException("Kcidb:TransactionBytes must be 0 or more");
        }
    }
}
