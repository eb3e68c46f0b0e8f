namespace Modular.Kit.Input;

/// <summary>
/// What a page's form shows after a post that did not go through: the refused fields, or that someone else changed the
/// record since the page was read. The API leaves both to the host (400, 409); a page catches them here, once.
/// </summary>
public static class FormErrors
{
    /// <summary>Runs the change; answers the messages to show beside the fields, or null when it went through.</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>?> RunAsync(Func<Task> change)
    {
        try
        {
            await change();
            return null;
        }
        catch (InputRejectedException invalid)
        {
            return invalid.Errors;
        }
        catch (Exception conflict) when (VersionConflict.Is(conflict))
        {
            return VersionConflict.Errors();
        }
    }
}
