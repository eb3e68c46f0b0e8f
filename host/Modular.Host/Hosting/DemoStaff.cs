using Marten;
using Microsoft.Extensions.Options;
using Modular.Contracts.Modules;
using Modular.Host.Identity;
using Modular.Host.Plugins;

namespace Modular.Host.Hosting;

/// <summary>
/// The demo township's staff: one user per role of every module enabled there (a township administrator, the annual
/// report's drafter and approver), so a newcomer who runs <c>./run.sh</c> signs in as a mediator or a judicial office
/// head and sees that person's pages (or as the county's rule-of-law office, <c>county-office</c>, and sees the county's
/// view of its townships),
/// instead of as <c>admin</c>, who holds no module role. They share one password: <c>Modular:DemoPassword</c> when set,
/// otherwise generated when the first of them is created and printed once beside the admin's. Only with the demo on.
/// </summary>
internal sealed class DemoStaff(IDocumentStore store, IServiceScopeFactory scopes, ModuleCatalog catalog, IOptions<ModularOptions> options, ILogger<DemoStaff> log)
{
    private const int MaxUserName = 32;

    /// <summary>The demo user of a role: the role's own name when it fits a user name, else the module's initials and the role.</summary>
    public static string UserNameOf(string role)
    {
        if (role.Length <= MaxUserName)
        {
            return role;
        }

        var dot = role.IndexOf('.', StringComparison.Ordinal);
        var initials = string.Concat(role[..dot].Split('-').Select(part => part[0]));
        var shortened = $"{initials}.{role[(dot + 1)..]}";
        return shortened.Length <= MaxUserName ? shortened : shortened[..MaxUserName];
    }

    public async Task EnsureAsync(string township, IReadOnlySet<string> enabledModules, CancellationToken cancellationToken)
    {
        var wanted = new List<(string UserName, string Role, string DisplayName)>
        {
            (UserNameOf(PlatformRoles.TownshipAdmin), PlatformRoles.TownshipAdmin, "演示 · 乡镇管理员"),
            (UserNameOf(PlatformRoles.ReportClerk), PlatformRoles.ReportClerk, "演示 · 法治建设报告起草人"),
            (UserNameOf(PlatformRoles.ReportApprover), PlatformRoles.ReportApprover, "演示 · 党政主要负责人"),
        };
        foreach (var module in catalog.Modules.Where(m => enabledModules.Contains(m.Id)))
        {
            wanted.AddRange(module.Manifest.Roles.Select(role => (UserNameOf(role), role, $"演示 · {module.Manifest.Name.Chinese}")));
        }

        // The county's rule-of-law office of the demo township's county: its aggregates, no role inside the township.
        wanted.Add((UserNameOf(PlatformRoles.CountyOffice), PlatformRoles.CountyOffice, "演示 · 县级法治办"));

        var missing = new List<(string UserName, string Role, string DisplayName)>();
        string? countyCode;
        await using (var session = store.QuerySession())
        {
            countyCode = (await session.LoadAsync<Townships.TownshipRecord>(Townships.TownshipRecord.StreamId(township), cancellationToken))?.CountyCode;
            var existing = (await session.LoadManyAsync<UserAccount>(cancellationToken, [.. wanted.Select(u => UserAccount.StreamId(u.UserName))]))
                .Select(u => u.UserName).ToHashSet(StringComparer.Ordinal);
            missing.AddRange(wanted.Where(u => !existing.Contains(u.UserName)));
        }

        var configured = options.Value.DemoPassword;
        var password = string.IsNullOrEmpty(configured) ? PasswordPolicy.Generate() : configured;
        // Each in a scope of its own and side by side: most of a user's creation is hashing the password (PBKDF2, slow on
        // purpose), some twenty times over on a fresh platform.
        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (user, ct) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
                await users.CreateAsync(new CreateUser(user.UserName, user.DisplayName, password), ct);
                if (user.Role == PlatformRoles.CountyOffice)
                {
                    await users.SetCountyOfficeAsync(user.UserName, countyCode, granted: true, ct);
                }
                else
                {
                    await users.GrantAsync(user.UserName, new Dictionary<string, string[]> { [township] = [user.Role] }, ct);
                }
            });

        if (missing.Count > 0)
        {
            log.LogInformation("Created {Count} demo users in {Township}", missing.Count, township);
        }

        // Straight to the console, never to the log files; the password only when it was just given to someone.
        Console.WriteLine($"""

            ==== 演示账号 / demo users ({township}) ====
            {string.Join(Environment.NewLine, wanted.Select(u => $"  {u.UserName,-34} {u.Role}"))}
            {(missing.Count == 0 ? "密码见首次启动时的输出 / the password was shown at the first start"
                : string.IsNullOrEmpty(configured) ? $"共用密码 / shared password : {password}（仅显示这一次 / shown this once only, for: {string.Join(", ", missing.Select(m => m.UserName))}）"
                : "共用密码为 Modular:DemoPassword / the shared password is Modular:DemoPassword")}

            """);
    }
}
