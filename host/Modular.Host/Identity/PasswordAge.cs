using Microsoft.Extensions.Options;

namespace Modular.Host.Identity;

/// <summary>
/// The optional maximum password age (等保 L2 asks for periodic change; OWASP ASVS advises against forcing it, so it is off
/// unless <see cref="SecurityOptions.PasswordMaximumAgeDays"/> is set). When due, the shell asks the user to change it.
/// </summary>
internal sealed class PasswordAge(IOptions<SecurityOptions> options, TimeProvider time)
{
    public bool ChangeDue(UserAccount? account) =>
        account is not null && options.Value.PasswordMaximumAgeDays > 0
        && (account.PasswordChangedAt ?? DateTimeOffset.MinValue) < time.GetUtcNow() - TimeSpan.FromDays(options.Value.PasswordMaximumAgeDays);

    public int MaximumAgeDays => options.Value.PasswordMaximumAgeDays;
}
