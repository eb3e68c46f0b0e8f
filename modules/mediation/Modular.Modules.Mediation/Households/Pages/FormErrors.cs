using Modular.Modules.Mediation.Shared;

namespace Modular.Modules.Mediation.Households.Pages;

/// <summary>What a ledger form shows after a change that did not go through: the bad fields, or that someone else came first.</summary>
internal static class FormErrors
{
    /// <summary>Runs the change; answers the problems to show beside the fields, or null when it went through.</summary>
    public static async Task<Dictionary<string, string[]>?> RunAsync(Func<Task> change)
    {
        try
        {
            await change();
            return null;
        }
        catch (InputException invalid)
        {
            return invalid.Errors;
        }
        catch (Exception conflict) when (VersionConflict.Is(conflict))
        {
            return new() { ["version"] = [Text.T("记录已被他人修改，请重新打开后再改。", "Someone else changed the household: open it again and retry.")] };
        }
    }
}
