using Microsoft.AspNetCore.Http;
using Modular.Kit.Input;

namespace Modular.Kit.Documents;

/// <summary>
/// The two gates every ledger's files pass in every module: an upload refused before it is read (none, empty, too
/// large), and a full export (personal data in clear) that needs the reveal permission and a reason.
/// </summary>
public static class LedgerFiles
{
    /// <summary>Why the upload cannot be read, under <c>file</c>; null when it may be.</summary>
    public static Dictionary<string, string[]>? UploadRefusal(IFormFile? file, long maxBytes)
    {
        if (file is null || file.Length == 0)
        {
            return new() { ["file"] = ["请选择要导入的 .xlsx 文件 / Choose an .xlsx file to import."] };
        }

        var megabytes = maxBytes / (1024 * 1024);
        return file.Length > maxBytes ? new() { ["file"] = [$"文件不能超过{megabytes} MB / The file is larger than {megabytes} MB."] } : null;
    }

    /// <summary>
    /// A full export asked for: false when the user may not (the API answers 403); otherwise the reason is required
    /// (a named error). True when the export may go on as asked, masked or full.
    /// </summary>
    public static bool FullExportAllowed(bool full, string? reason, bool mayReveal, InputErrors errors)
    {
        if (!full)
        {
            return true;
        }

        if (!mayReveal)
        {
            return false;
        }

        errors.Required("reason", reason, "完整导出个人信息的理由", "Reason for a full export", PersonalData.Reveals.MaxReasonLength);
        return true;
    }
}
