using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KernelCI.ServiceDefaults;

/// <summary>The one way a component gets its options: bound from its configuration section (or the instance a test or
/// benchmark passed), validated before any listener opens, and registered both as itself and as IOptions.</summary>
public static class ComponentOptions
{
    /// <summary>Binds, validates and registers <typeparamref name="T"/>; returns it for choices made while
    /// registering services. An invalid value throws <see cref="OptionsValidationException"/>, whose failures name
    /// the keys as `Section:Key` (docs/configuration.md lists every key); `serve` prints them and exits 2.</summary>
    public static T AddComponentOptions<T>(this WebApplicationBuilder builder, string section, T? given, IValidateOptions<T> validator)
        where T : class, new()
    {
        var options = given ?? builder.Configuration.GetSection(section).Get<T>() ?? new T();
        var result = validator.Validate(section, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(section, typeof(T), result.Failures);
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(Options.Create(options));
        return options;
    }
}
