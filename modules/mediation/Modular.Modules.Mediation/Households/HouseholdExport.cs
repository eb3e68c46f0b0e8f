using Modular.Contracts.PersonalData;
using Modular.Contracts.Time;
using Modular.Contracts.Townships;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Households;

/// <summary>
/// The ledger as an Excel file: masked by default; in full only for a user allowed to reveal personal data, for a
/// reason, recorded before the file is written.
/// </summary>
internal sealed class HouseholdExport(HouseholdQueries queries, IPersonalDataGuard guard, ICurrentUser user, IStatutoryClock clock)
{
    public const string FullExportSubject = "人口信息台帐 完整导出";

    public string FileName(bool full) => $"人口信息台帐_{(full ? "完整_" : "")}{clock.Today:yyyyMMdd}.xlsx";

    public async Task<byte[]> MaskedAsync(CancellationToken ct) =>
        HouseholdWorkbook.Write(await queries.OpenAsync(ct), clock.Today, guard.Mask);

    /// <exception cref="UnauthorizedAccessException">The user may not export personal data in full.</exception>
    /// <exception cref="InputRejectedException">No reason was given.</exception>
    public async Task<byte[]> FullAsync(string? reason, CancellationToken ct)
    {
        if (!user.HasPermission(Permissions.PersonalDataReveal))
        {
            throw new UnauthorizedAccessException("完整导出个人信息需要相应权限 / A full export needs the permission.");
        }

        var errors = new InputErrors();
        var why = errors.Required("reason", reason, "导出理由", "Reason", 500);
        errors.ThrowIfAny();

        var households = await queries.OpenAsync(ct);
        await guard.RecordFullExportAsync(FullExportSubject, households.Sum(h => h.Members.Count), why!, ct);
        return HouseholdWorkbook.Write(households, clock.Today, static (_, value) => value ?? "");
    }
}
