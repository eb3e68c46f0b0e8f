using Modular.Kit.Input;

namespace Modular.Kit.Steps;

/// <summary>What became of a step posted from a page: done, or refused with the messages to show beside its fields.</summary>
public sealed record StepPost(bool Done, IReadOnlyDictionary<string, string[]>? Errors);

/// <summary>How a page runs a step, in every module alike: the same step as the API, its refusals kept for the form.</summary>
public static class StepPosts
{
    /// <summary>
    /// Runs the step. Every refused field comes back as the form's errors; a stale version comes back under
    /// <c>version</c> with <paramref name="conflictMessage"/> (someone else changed the record since the page was read).
    /// Not done and no errors: the record is not this township's.
    /// </summary>
    public static async Task<StepPost> RunAsync(Func<Task<bool>> step, string conflictMessage)
    {
        try
        {
            return new StepPost(await step(), null);
        }
        catch (InputRejectedException refused)
        {
            return new StepPost(false, refused.Errors);
        }
        catch (Exception conflict) when (VersionConflict.Is(conflict))
        {
            return new StepPost(false, new Dictionary<string, string[]> { ["version"] = [conflictMessage] });
        }
    }
}
