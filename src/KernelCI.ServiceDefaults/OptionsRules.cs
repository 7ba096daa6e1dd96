using Microsoft.Extensions.Options;

namespace KernelCI.ServiceDefaults;

/// <summary>Collects the failures of one options check, each naming its key, for an <see cref="IValidateOptions{T}"/>.</summary>
public sealed class OptionsRules
{
    private readonly List<string> _failures = [];

    public OptionsRules Require(bool condition, string failure)
    {
        if (!condition)
        {
            _failures.Add(failure);
        }

        return this;
    }

    public ValidateOptionsResult Result => _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);
}
