using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Modular.Contracts.Time;

namespace Modular.Host.Time;

public static class HolidayCalendarConfiguration
{
    internal const string ResourceName = "Modular.Host.Time.holidays.json";

    /// <summary>
    /// Adds the official holiday schedules shipped with the host (Time/holidays.json) as the configuration source with the
    /// lowest precedence, so appsettings, environment variables (<c>Modular__Holidays__2027__Off__0=01-01</c>) or the
    /// command line can add next year's notice, or correct a year, without a rebuild.
    /// </summary>
    public static IConfigurationBuilder AddOfficialHolidayCalendar(this IConfigurationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Sources.Insert(0, new EmbeddedHolidaysSource());
        return builder;
    }

    /// <summary>
    /// Registers the holiday calendar (validated when the host starts) and <see cref="IStatutoryClock"/> as singletons.
    /// </summary>
    public static IServiceCollection AddStatutoryClock(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HolidayCalendarOptions>()
            .Configure(options => configuration.GetSection(HolidayCalendarOptions.SectionName).Bind(options.Years))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HolidayCalendarOptions>, HolidayCalendarOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => HolidayCalendar.Create(sp.GetRequiredService<IOptions<HolidayCalendarOptions>>().Value));
        services.TryAddSingleton<IStatutoryClock, StatutoryClock>();
        return services;
    }

    /// <summary>
    /// A stream can be read only once, but a configuration manager rebuilds its providers whenever a source is inserted
    /// or removed (and a test host does that), so every load opens the resource anew.
    /// </summary>
    private sealed class EmbeddedHolidaysSource : IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider();

        private sealed class Provider : ConfigurationProvider
        {
            public override void Load()
            {
                using var stream = typeof(HolidayCalendarConfiguration).Assembly.GetManifestResourceStream(ResourceName)
                    ?? throw new InvalidOperationException($"The host assembly lacks its embedded resource {ResourceName}.");
                var parsed = new ConfigurationBuilder().AddJsonStream(stream).Build();
                Data = parsed.AsEnumerable()
                    .Where(pair => pair.Value is not null)
                    .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
            }
        }
    }
}
